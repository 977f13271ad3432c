package io.pulse.jobs.telemetry.rules;

import java.util.List;

/**
 * The contract's alert types, each with its severity and the settings a rules message may set for
 * it. The names are what the rules JSON and the {@code alerts.type} column use.
 */
public enum AlertType {
    OVERHEAT(Severity.HIGH, List.of("enabled", "threshold", "hysteresis")),
    HIGH_VIBRATION(Severity.MEDIUM, List.of("enabled", "threshold", "hysteresis")),
    LOW_BATTERY(Severity.LOW, List.of("enabled", "threshold", "critical", "hysteresis")),
    BATTERY_DROP(Severity.MEDIUM, List.of("enabled", "threshold")),
    ANOMALY_BURST(Severity.MEDIUM, List.of("enabled")),
    FIRE_RISK(Severity.CRITICAL, List.of("enabled", "threshold")),
    OFFLINE(Severity.HIGH, List.of("enabled", "afterSeconds"));

    private final Severity severity;
    private final List<String> settings;

    AlertType(Severity severity, List<String> settings) {
        this.severity = severity;
        this.settings = settings;
    }

    /** The contract's severity; LOW_BATTERY rises to HIGH below its critical level. */
    public Severity severity() {
        return severity;
    }

    /** The field names a rules message may set for this type. */
    public List<String> settings() {
        return settings;
    }
}

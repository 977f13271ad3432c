package io.pulse.jobs.telemetry.alerts;

import io.pulse.jobs.telemetry.rules.AlertType;

/**
 * A CEP pattern matched: the condition of {@code type} holds at {@code ts}, the time of the
 * reading that completed the pattern (the alert's opened_at).
 *
 * @param firstTs       time of the pattern's first reading
 * @param readings      how many readings the match spans
 * @param value         the triggering value (temperature, vibration, largest |z|, gas ppm, battery fall)
 * @param previousValue BATTERY_DROP: the battery level before the fall; NaN otherwise
 * @param detail        ANOMALY_BURST: the anomalous metrics; null otherwise
 */
public record AlertMatch(
        String deviceId,
        AlertType type,
        long ts,
        long firstTs,
        int readings,
        double value,
        double previousValue,
        String detail,
        String displayName) {
}

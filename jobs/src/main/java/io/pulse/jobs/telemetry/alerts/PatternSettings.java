package io.pulse.jobs.telemetry.alerts;

import java.io.Serializable;
import java.time.Duration;

/**
 * The counts and windows of the CEP patterns. Unlike thresholds they cannot follow a rules message
 * at run time (a CEP pattern is compiled when the job starts), so they are job settings.
 *
 * @param count             OVERHEAT and HIGH_VIBRATION: consecutive flagged readings
 * @param within            ... the last within this time of the first (inclusive)
 * @param anomalyCount      ANOMALY_BURST: anomalous readings
 * @param anomalyWithin     ... within this time (inclusive); also how long a burst must be quiet to resolve
 * @param fireRiskWithin    FIRE_RISK: gas and flame within this time of each other (inclusive); also its quiet time
 * @param batteryDropWithin BATTERY_DROP: consecutive battery readings less than this apart; also its quiet time
 */
public record PatternSettings(
        int count,
        Duration within,
        int anomalyCount,
        Duration anomalyWithin,
        Duration fireRiskWithin,
        Duration batteryDropWithin) implements Serializable {

    public static final PatternSettings CONTRACT = new PatternSettings(
            3, Duration.ofSeconds(60), 3, Duration.ofSeconds(60), Duration.ofSeconds(30), Duration.ofMinutes(5));

    public PatternSettings {
        if (count < 1 || anomalyCount < 1) {
            throw new IllegalArgumentException("pattern counts must be >= 1");
        }
        for (Duration d : new Duration[] {within, anomalyWithin, fireRiskWithin, batteryDropWithin}) {
            if (d == null || d.isNegative() || d.isZero()) {
                throw new IllegalArgumentException("pattern windows must be positive");
            }
        }
    }
}

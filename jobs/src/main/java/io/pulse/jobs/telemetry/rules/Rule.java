package io.pulse.jobs.telemetry.rules;

import java.io.Serializable;

/**
 * The effective settings of one alert type for one device. A setting that does not apply to the
 * type is NaN. Meaning per type:
 * <ul>
 *   <li>OVERHEAT, HIGH_VIBRATION: opens above {@code threshold}; resolves at or below
 *       {@code threshold - hysteresis}.</li>
 *   <li>LOW_BATTERY: opens below {@code threshold} (HIGH below {@code critical}); resolves at or
 *       above {@code threshold + hysteresis}.</li>
 *   <li>BATTERY_DROP: a fall of more than {@code threshold} points; FIRE_RISK: gas above
 *       {@code threshold} ppm.</li>
 *   <li>OFFLINE: no reading for {@code afterSeconds}.</li>
 * </ul>
 */
public record Rule(boolean enabled, double threshold, double critical, double hysteresis, double afterSeconds)
        implements Serializable {

    /** The contract's defaults. Hysteresis is not in the contract: 2 °C, 0.2 g and 2 % keep alerts from flapping. */
    public static Rule contractDefault(AlertType type) {
        return switch (type) {
            case OVERHEAT -> new Rule(true, 75, Double.NaN, 2, Double.NaN);
            case HIGH_VIBRATION -> new Rule(true, 1.5, Double.NaN, 0.2, Double.NaN);
            case LOW_BATTERY -> new Rule(true, 30, 10, 2, Double.NaN);
            case BATTERY_DROP -> new Rule(true, 10, Double.NaN, Double.NaN, Double.NaN);
            case ANOMALY_BURST -> new Rule(true, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
            case FIRE_RISK -> new Rule(true, 400, Double.NaN, Double.NaN, Double.NaN);
            case OFFLINE -> new Rule(true, Double.NaN, Double.NaN, Double.NaN, 15);
        };
    }

    /** The value of a setting by its JSON name. */
    public double get(String setting) {
        return switch (setting) {
            case "threshold" -> threshold;
            case "critical" -> critical;
            case "hysteresis" -> hysteresis;
            case "afterSeconds" -> afterSeconds;
            default -> throw new IllegalArgumentException("not a numeric setting: " + setting);
        };
    }

    /** A copy with one numeric setting changed. */
    public Rule with(String setting, double value) {
        return switch (setting) {
            case "threshold" -> new Rule(enabled, value, critical, hysteresis, afterSeconds);
            case "critical" -> new Rule(enabled, threshold, value, hysteresis, afterSeconds);
            case "hysteresis" -> new Rule(enabled, threshold, critical, value, afterSeconds);
            case "afterSeconds" -> new Rule(enabled, threshold, critical, hysteresis, value);
            default -> throw new IllegalArgumentException("not a numeric setting: " + setting);
        };
    }

    public Rule withEnabled(boolean value) {
        return new Rule(value, threshold, critical, hysteresis, afterSeconds);
    }

    /** OFFLINE's timeout in ms; 0 when this rule is disabled. */
    public long afterMillis() {
        return enabled ? Math.round(afterSeconds * 1000) : 0;
    }
}

package io.pulse.jobs.telemetry.alerts;

import io.pulse.jobs.telemetry.rules.AlertRules;
import io.pulse.jobs.telemetry.rules.AlertType;
import io.pulse.jobs.telemetry.rules.Rule;
import io.pulse.jobs.telemetry.serialization.EvaluatedReadingSerializer;

import org.apache.flink.api.common.typeinfo.TypeInfo;

import java.util.Map;
import java.util.TreeSet;

/**
 * A reading judged against the rules in force when it was seen. CEP conditions cannot read
 * broadcast state, so thresholds are applied here and the patterns test only these flags. Metric
 * values are NaN when the reading does not carry the metric. Flat primitives on purpose: it is
 * serialized at every exchange and kept by every CEP operator ({@link EvaluatedReadingSerializer}).
 *
 * @param batteryDropLimit the device's BATTERY_DROP threshold (NaN when disabled): the one rule
 *                         that compares two readings, so the pattern needs the number itself
 * @param anomalousMetrics the anomalous metrics, comma-separated, empty when none
 * @param offlineAfterMs   the device's OFFLINE timeout, 0 when OFFLINE is disabled
 */
@TypeInfo(EvaluatedReadingSerializer.Factory.class)
public record EvaluatedReading(
        String deviceId,
        long ts,
        String displayName,
        double temperature,
        double vibration,
        double battery,
        double gas,
        boolean hot,
        boolean vibrating,
        boolean batteryLow,
        boolean batteryCritical,
        boolean gasHigh,
        boolean flame,
        boolean anomalous,
        double batteryDropLimit,
        double anomalyScore,
        String anomalousMetrics,
        long offlineAfterMs) {

    public static final String TEMPERATURE = "temperature";
    public static final String VIBRATION = "vibration";
    public static final String BATTERY = "battery";
    public static final String GAS = "gas";
    public static final String FLAME = "flame";

    /** Applies the device's rules to one reading. */
    public static EvaluatedReading evaluate(AlertInput in, AlertRules rules) {
        Map<AlertType, Rule> device = rules.forDevice(in.deviceId());
        Rule overheat = device.get(AlertType.OVERHEAT);
        Rule vibration = device.get(AlertType.HIGH_VIBRATION);
        Rule lowBattery = device.get(AlertType.LOW_BATTERY);
        Rule drop = device.get(AlertType.BATTERY_DROP);
        Rule fire = device.get(AlertType.FIRE_RISK);
        boolean burst = device.get(AlertType.ANOMALY_BURST).enabled();

        double t = metric(in, TEMPERATURE);
        double v = metric(in, VIBRATION);
        double b = metric(in, BATTERY);
        double g = metric(in, GAS);
        double f = metric(in, FLAME);
        boolean anomalous = burst && !in.anomalousMetrics().isEmpty();
        return new EvaluatedReading(
                in.deviceId(), in.ts(), in.displayName(), t, v, b, g,
                overheat.enabled() && t > overheat.threshold(),           // NaN compares false: no metric, no flag
                vibration.enabled() && v > vibration.threshold(),
                lowBattery.enabled() && b < lowBattery.threshold(),
                lowBattery.enabled() && b < lowBattery.critical(),
                fire.enabled() && g > fire.threshold(),
                fire.enabled() && f >= 0.5,                               // booleans arrive as 1/0
                anomalous,
                drop.enabled() ? drop.threshold() : Double.NaN,
                anomalous ? in.anomalyScore() : 0,
                anomalous ? String.join(",", new TreeSet<>(in.anomalousMetrics())) : "",
                offlineAfter(in, rules, device.get(AlertType.OFFLINE)));
    }

    /** The rules' per-device timeout, else the registry's expected interval, else the rules' default. */
    static long offlineAfter(AlertInput in, AlertRules rules, Rule offline) {
        boolean ownRule = !offline.equals(rules.defaults().get(AlertType.OFFLINE));
        if (!offline.enabled() || ownRule || in.expectedIntervalMs() <= 0) {
            return offline.afterMillis();
        }
        return in.expectedIntervalMs();
    }

    private static double metric(AlertInput in, String name) {
        Double value = in.metrics().get(name);
        return value == null ? Double.NaN : value;
    }

    public boolean hasTemperature() {
        return !Double.isNaN(temperature);
    }

    public boolean hasVibration() {
        return !Double.isNaN(vibration);
    }

    public boolean hasBattery() {
        return !Double.isNaN(battery);
    }
}

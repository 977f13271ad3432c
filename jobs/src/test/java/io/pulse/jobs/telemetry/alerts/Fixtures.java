package io.pulse.jobs.telemetry.alerts;

import io.pulse.jobs.telemetry.rules.AlertRules;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/** Readings for alert tests, evaluated against the contract's defaults unless rules are given. */
final class Fixtures {

    /** 2026-03-02T10:02:11Z */
    static final long T0 = Instant.parse("2026-03-02T10:02:11Z").toEpochMilli();

    private Fixtures() {}

    static long at(double seconds) {
        return T0 + Math.round(seconds * 1000);
    }

    /** A reading of {@code device} at T0 + seconds with metrics given as name, value, name, value... */
    static EvaluatedReading reading(String device, double seconds, Object... metrics) {
        return EvaluatedReading.evaluate(input(device, seconds, metrics), AlertRules.DEFAULTS);
    }

    static EvaluatedReading reading(AlertRules rules, String device, double seconds, Object... metrics) {
        return EvaluatedReading.evaluate(input(device, seconds, metrics), rules);
    }

    static EvaluatedReading anomalous(String device, double seconds, double z, String metric) {
        AlertInput in = AlertInput.scored(device, at(seconds), Map.of(metric, 1.0), Map.of(metric, z), Set.of(metric));
        return EvaluatedReading.evaluate(in, AlertRules.DEFAULTS);
    }

    static AlertInput input(String device, double seconds, Object... metrics) {
        Map<String, Double> values = new HashMap<>();
        for (int i = 0; i < metrics.length; i += 2) {
            Object value = metrics[i + 1];
            values.put((String) metrics[i], value instanceof Boolean b ? (b ? 1.0 : 0.0) : ((Number) value).doubleValue());
        }
        return new AlertInput(device, at(seconds), values, Set.of(), 0, null, 0);
    }
}

package io.pulse.jobs.telemetry;

import java.util.Map;

/**
 * One valid telemetry reading: a device, its event time (epoch ms, UTC) and its metrics, booleans
 * as 1/0. A reading is identified by (deviceId, ts).
 */
public record Reading(String deviceId, long ts, Map<String, Double> metrics) {

    public Reading {
        metrics = Map.copyOf(metrics);
    }
}

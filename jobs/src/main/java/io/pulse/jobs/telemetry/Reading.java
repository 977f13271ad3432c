package io.pulse.jobs.telemetry;

import io.pulse.jobs.telemetry.serialization.MetricMapTypeInfo;

import org.apache.flink.api.common.typeinfo.TypeInfo;

import java.util.Map;

/**
 * One valid telemetry reading: a device, its event time (epoch ms, UTC) and its metrics, booleans
 * as 1/0. A reading is identified by (deviceId, ts). The metrics have a serializer of their own
 * ({@link MetricMapTypeInfo}): every reading crosses the network and waits in state.
 */
public record Reading(String deviceId, long ts,
                      @TypeInfo(MetricMapTypeInfo.Factory.class) Map<String, Double> metrics) {

    public Reading {
        metrics = Map.copyOf(metrics);
    }
}

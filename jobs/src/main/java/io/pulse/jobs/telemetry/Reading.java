package io.pulse.jobs.telemetry;

import io.pulse.jobs.telemetry.serialization.ReadingSerializer;

import org.apache.flink.api.common.typeinfo.TypeInfo;

import java.util.Map;

/**
 * One valid telemetry reading: a device, its event time (epoch ms, UTC) and its metrics, booleans
 * as 1/0. A reading is identified by (deviceId, ts). It has a serializer of its own
 * ({@link ReadingSerializer}): every reading crosses the network and waits in state.
 */
@TypeInfo(ReadingSerializer.Factory.class)
public record Reading(String deviceId, long ts,
                      Map<String, Double> metrics) {

    public Reading {
        metrics = Map.copyOf(metrics);
    }
}

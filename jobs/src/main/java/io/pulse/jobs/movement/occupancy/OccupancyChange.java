package io.pulse.jobs.movement.occupancy;

import io.pulse.jobs.movement.serialization.OccupancyChangeSerializer;

import org.apache.flink.api.common.typeinfo.TypeInfo;

/** One more ({@code +1}) or one less ({@code -1}) person inside through {@code gate} at {@code ts}. */
@TypeInfo(OccupancyChangeSerializer.Factory.class)
public record OccupancyChange(String gate, long ts, int delta) {
}

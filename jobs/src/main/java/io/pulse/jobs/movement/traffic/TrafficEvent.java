package io.pulse.jobs.movement.traffic;

import io.pulse.jobs.movement.serialization.TrafficEventSerializer;

import org.apache.flink.api.common.typeinfo.TypeInfo;

/** Something a gate counts: an entry, an exit, or a sighting of a randomized (anonymous) MAC. */
@TypeInfo(TrafficEventSerializer.Factory.class)
public record TrafficEvent(String gate, long ts, Kind kind) {

    public enum Kind { ENTRY, EXIT, RANDOMIZED }
}

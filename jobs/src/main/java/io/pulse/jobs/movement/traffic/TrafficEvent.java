package io.pulse.jobs.movement.traffic;

/** Something a gate counts: an entry, an exit, or a sighting of a randomized (anonymous) MAC. */
public record TrafficEvent(String gate, long ts, Kind kind) {

    public enum Kind { ENTRY, EXIT, RANDOMIZED }
}

package io.pulse.bench.movement;

import io.pulse.jobs.movement.ingest.GateRole;

/**
 * The benchmark's deterministic campus: {@code people} people, {@code perSecond} sightings per
 * second of event time, so each person is sighted every people / perSecond seconds (20 s by
 * default). Over a period of 24 of those sightings a person enters (6 sightings at the entry
 * scanner: 1 kept, 5 debounced), is inside, leaves (6 at the exit scanner) and is outside; the
 * 12 other sightings are of randomized MACs (counted only). Even people enter by the lane gate
 * {@code main} and leave by the dual-zone gate {@code east} (inner then outer: an EXIT by CEP),
 * odd people the other way round (outer then inner: an ENTRY by CEP).
 */
final class Schedule {

    static final long T0 = 1_772_438_400_000L; // 2026-03-02T08:00:00Z
    static final int PERIOD = 24;

    /** One scheduled sighting: person -1 is a randomized MAC. */
    record Slot(int person, String gate, String scanner, GateRole role, long ts) {}

    private final int people;
    private final int perSecond;

    Schedule(int people, int perSecond) {
        this.people = people;
        this.perSecond = perSecond;
    }

    Slot slot(long index) {
        int p = (int) (index % people);
        int s = (int) ((index / people) % PERIOD);
        long ts = T0 + (index / perSecond) * 1000 + (index % perSecond) * 1000 / perSecond;
        boolean even = p % 2 == 0;
        if (s <= 5) {   // entering, then lingering at the entry scanner
            return even ? new Slot(p, "main", "main-in", GateRole.IN, ts)
                    : new Slot(p, "east", s == 0 ? "east-outer" : "east-inner", s == 0 ? GateRole.OUTER : GateRole.INNER, ts);
        }
        if (s >= 12 && s <= 17) { // leaving, then lingering at the exit scanner
            return even ? new Slot(p, "east", s == 12 ? "east-inner" : "east-outer", s == 12 ? GateRole.INNER : GateRole.OUTER, ts)
                    : new Slot(p, "main", "main-out", GateRole.OUT, ts);
        }
        return new Slot(-1, even ? "main" : "east", even ? "main-in" : "east-outer", even ? GateRole.IN : GateRole.OUTER, ts);
    }

    /** A person's MAC: a universally administered address (bit 0x02 of the first octet clear). */
    static String mac(int person) {
        return String.format("3c:22:%02x:%02x:%02x:%02x", (person >> 24) & 0xff, (person >> 16) & 0xff, (person >> 8) & 0xff, person & 0xff);
    }

    /** A randomized MAC (locally administered), different for every sighting. */
    static String randomizedMac(long index) {
        return String.format("da:%02x:%02x:%02x:%02x:%02x", (index >> 32) & 0xff, (index >> 24) & 0xff, (index >> 16) & 0xff,
                (index >> 8) & 0xff, index & 0xff);
    }
}

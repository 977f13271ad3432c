package io.pulse.jobs.movement;

import io.pulse.jobs.movement.direction.Direction;
import io.pulse.jobs.movement.direction.MovementEvent;
import io.pulse.jobs.movement.ingest.GateRole;
import io.pulse.jobs.movement.ingest.Sighting;

import java.time.Instant;

/** Sightings and events of the movement tests, at T0 + seconds. */
public final class MovementFixtures {

    public static final long T0 = Instant.parse("2026-03-02T08:00:00Z").toEpochMilli();
    public static final String ALICE = "a".repeat(64);
    public static final String BOB = "b".repeat(64);

    private MovementFixtures() {}

    public static long at(double seconds) {
        return T0 + Math.round(seconds * 1000);
    }

    public static Sighting sighting(String person, String gate, String scanner, GateRole role, double seconds) {
        return new Sighting(gate, scanner, role, at(seconds), person, false);
    }

    public static MovementEvent event(String person, String gate, Direction direction, double seconds) {
        return new MovementEvent(person, gate, direction, at(seconds), gate + "-scanner");
    }
}

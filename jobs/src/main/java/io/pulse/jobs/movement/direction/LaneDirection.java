package io.pulse.jobs.movement.direction;

import io.pulse.jobs.movement.ingest.GateRole;
import io.pulse.jobs.movement.ingest.Sighting;

/** Contract 4.3 at a lane scanner: role {@code in} is an ENTRY, {@code out} an EXIT, at the sighting's time. */
public final class LaneDirection {

    private LaneDirection() {}

    public static MovementEvent of(Sighting s) {
        if (!s.role().lane()) {
            throw new IllegalArgumentException("not a lane sighting: " + s.role());
        }
        return new MovementEvent(s.personId(), s.gate(), s.role() == GateRole.IN ? Direction.ENTRY : Direction.EXIT,
                s.ts(), s.scanner());
    }
}

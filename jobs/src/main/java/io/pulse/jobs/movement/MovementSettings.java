package io.pulse.jobs.movement;

import io.pulse.jobs.movement.visits.QuietHours;
import io.pulse.jobs.movement.visits.VisitSettings;

import java.io.Serializable;
import java.time.Duration;

/**
 * The movement job's semantics (contract section 4): how far sightings may be out of order, the
 * debounce window, the dual-zone window, and the visit limits.
 */
public record MovementSettings(Duration outOfOrder, Duration debounce, Duration dualZoneWithin, VisitSettings visits)
        implements Serializable {

    public static MovementSettings contract(QuietHours quietHours) {
        return new MovementSettings(Duration.ofSeconds(30), Duration.ofSeconds(60), Duration.ofSeconds(30),
                VisitSettings.contract(quietHours));
    }
}

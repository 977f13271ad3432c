package io.pulse.jobs.movement.visits;

import java.io.Serializable;
import java.time.Duration;

/**
 * The pairing's limits: a visit open {@code maxOpen} is closed unseen (contract 4.5: 16 h),
 * one open {@code overstay} is reported (12 h), and {@code quietHours} (may be null).
 */
public record VisitSettings(Duration maxOpen, Duration overstay, QuietHours quietHours) implements Serializable {

    public static final Duration MAX_OPEN = Duration.ofHours(16);
    public static final Duration OVERSTAY = Duration.ofHours(12);

    public static VisitSettings contract(QuietHours quietHours) {
        return new VisitSettings(MAX_OPEN, OVERSTAY, quietHours);
    }
}

package io.pulse.jobs.movement.occupancy;

/** The changes of one key within one second, not yet written: their sum and the last one's time. */
public record PendingSecond(int delta, long lastChange) {
}

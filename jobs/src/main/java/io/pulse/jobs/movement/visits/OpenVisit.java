package io.pulse.jobs.movement.visits;

/**
 * The state of a person inside: the only per-person state kept between events.
 *
 * @param nextQuietCheck the next start of quiet hours to report presence at, or -1
 */
public record OpenVisit(long enteredAt, String entryGate, boolean overstayReported, long nextQuietCheck) {
}

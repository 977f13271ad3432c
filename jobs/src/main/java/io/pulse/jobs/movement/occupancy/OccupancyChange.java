package io.pulse.jobs.movement.occupancy;

/** One more ({@code +1}) or one less ({@code -1}) person inside through {@code gate} at {@code ts}. */
public record OccupancyChange(String gate, long ts, int delta) {
}

package io.pulse.jobs.movement.traffic;

/** The counts of one gate-hour in state; {@code changed} since they were last written. */
public record HourCounts(long entries, long exits, long randomized, boolean changed) {

    static final HourCounts NONE = new HourCounts(0, 0, 0, false);

    HourCounts plus(TrafficEvent.Kind kind) {
        return switch (kind) {
            case ENTRY -> new HourCounts(entries + 1, exits, randomized, true);
            case EXIT -> new HourCounts(entries, exits + 1, randomized, true);
            case RANDOMIZED -> new HourCounts(entries, exits, randomized + 1, true);
        };
    }

    HourCounts written() {
        return new HourCounts(entries, exits, randomized, false);
    }
}

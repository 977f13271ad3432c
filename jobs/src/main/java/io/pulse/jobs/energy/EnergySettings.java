package io.pulse.jobs.energy;

import java.io.Serializable;
import java.time.Duration;

/**
 * How the energy job cuts time; {@link #CONTRACT} are the contract's values.
 *
 * @param window            tumbling window length, aligned to the epoch; must divide {@code peakInterval}
 * @param allowedLateness   how far behind the watermark a reading still updates its window
 * @param maxGap            longest interval between consecutive readings that is integrated
 * @param outOfOrderness    the watermark's bound: it trails the highest ts seen by this much
 * @param peakInterval      peak demand is the highest average power over these aligned intervals
 */
public record EnergySettings(Duration window, Duration allowedLateness, Duration maxGap,
                             Duration outOfOrderness, Duration peakInterval) implements Serializable {

    public static final EnergySettings CONTRACT = new EnergySettings(Duration.ofMinutes(5), Duration.ofSeconds(60),
            Duration.ofSeconds(60), Duration.ofSeconds(5), Duration.ofMinutes(15));

    public EnergySettings {
        if (window.isZero() || window.isNegative() || peakInterval.toMillis() % window.toMillis() != 0) {
            throw new IllegalArgumentException("window " + window + " must be positive and divide " + peakInterval);
        }
        if (allowedLateness.isNegative() || maxGap.isNegative() || outOfOrderness.isNegative()) {
            throw new IllegalArgumentException("lateness, gap and out-of-orderness must not be negative");
        }
    }

    public long windowMs() {
        return window.toMillis();
    }

    public long latenessMs() {
        return allowedLateness.toMillis();
    }

    public long maxGapMs() {
        return maxGap.toMillis();
    }

    /** The start of the window holding {@code ts}. */
    public long windowStart(long ts) {
        return Math.floorDiv(ts, windowMs()) * windowMs();
    }

    /**
     * When a window ending at {@code end} can no longer change: every reading that could still
     * arrive is later than {@code watermark - lateness}, and its intervals reach at most
     * {@code maxGap} back.
     */
    public long finalAt(long end) {
        return end + latenessMs() + maxGapMs();
    }
}

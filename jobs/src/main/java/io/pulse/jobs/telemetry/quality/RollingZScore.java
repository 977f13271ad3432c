package io.pulse.jobs.telemetry.quality;

import java.io.Serializable;
import java.util.Arrays;
import java.util.OptionalDouble;

/**
 * The contract's rolling z-score of one metric: the current value against the mean and population
 * standard deviation of that metric's previous {@code window} values (the current value is not
 * part of them). No score until there are {@code window} previous values, none when they are all
 * equal (deviation 0). Histories are plain {@code double[]}, oldest first: compact in state.
 */
public final class RollingZScore implements Serializable {

    private static final long serialVersionUID = 1L;

    private final int window;
    private final double threshold;

    public RollingZScore(int window, double threshold) {
        if (window < 2) {
            throw new IllegalArgumentException("window must be at least 2, got " + window);
        }
        if (!(threshold > 0)) {
            throw new IllegalArgumentException("threshold must be positive, got " + threshold);
        }
        this.window = window;
        this.threshold = threshold;
    }

    public static RollingZScore of(QualitySettings settings) {
        return new RollingZScore(settings.zWindow(), settings.zThreshold());
    }

    /** The z-score of x against the last {@code window} values of {@code previous}, if there is one. */
    public OptionalDouble score(double[] previous, double x) {
        if (previous == null || previous.length < window) {
            return OptionalDouble.empty();
        }
        int from = previous.length - window;
        double sum = 0;
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (int i = from; i < previous.length; i++) {
            sum += previous[i];
            min = Math.min(min, previous[i]);
            max = Math.max(max, previous[i]);
        }
        // Deviation 0 exactly when all values are equal; testing that instead of std == 0 keeps
        // rounding noise (e.g. twenty 0.1s) from producing a huge z.
        if (min == max) {
            return OptionalDouble.empty();
        }
        double mean = sum / window;
        double squares = 0;
        for (int i = from; i < previous.length; i++) {
            double d = previous[i] - mean;
            squares += d * d;
        }
        double std = Math.sqrt(squares / window);
        if (!(std > 0) || Double.isInfinite(std)) {
            return OptionalDouble.empty(); // underflow or overflow at extreme magnitudes
        }
        return OptionalDouble.of((x - mean) / std);
    }

    public boolean anomalous(double z) {
        return Math.abs(z) >= threshold;
    }

    /**
     * previous with x appended, keeping only the last {@code window} values. A full history
     * ({@code window} values) is shifted in place and returned: once a device has its window, a
     * reading allocates nothing here. Safe for a state value: the heap backend copies a value
     * before handing it out while a snapshot still holds it, RocksDB hands out a fresh copy.
     */
    public double[] append(double[] previous, double x) {
        if (previous != null && previous.length == window) {
            System.arraycopy(previous, 1, previous, 0, window - 1);
            previous[window - 1] = x;
            return previous;
        }
        double[] from = previous == null ? new double[0] : previous;
        int keep = Math.min(from.length, window - 1);
        double[] next = Arrays.copyOfRange(from, from.length - keep, from.length + 1);
        next[keep] = x;
        return next;
    }

    public int window() {
        return window;
    }

    public double threshold() {
        return threshold;
    }
}

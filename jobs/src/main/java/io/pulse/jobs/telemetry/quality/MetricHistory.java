package io.pulse.jobs.telemetry.quality;

import java.util.Arrays;

/**
 * A device's recent values per metric, for {@link AnomalyScorer}: one state value per device
 * instead of one map entry per metric, so a reading costs one state read and one write, not two
 * per metric. {@code values[i]} holds the last values of {@code metrics[i]}, oldest first, as
 * {@link RollingZScore} takes them. A mutable Flink POJO (public fields, no-argument constructor).
 */
public final class MetricHistory {

    public String[] metrics = new String[0];
    public double[][] values = new double[0][];

    public MetricHistory() {}

    /** The index of {@code metric}'s values, or -1 when it has none yet. */
    int indexOf(String metric) {
        for (int i = 0; i < metrics.length; i++) {
            if (metrics[i].equals(metric)) {
                return i;
            }
        }
        return -1;
    }

    /** The values at {@code index}, or null for -1. */
    double[] values(int index) {
        return index < 0 ? null : values[index];
    }

    /** Sets the values at {@code index}, or adds {@code metric} with them for -1. */
    void put(int index, String metric, double[] history) {
        if (index >= 0) {
            values[index] = history;
            return;
        }
        metrics = Arrays.copyOf(metrics, metrics.length + 1);
        values = Arrays.copyOf(values, values.length + 1);
        metrics[metrics.length - 1] = metric;
        values[values.length - 1] = history;
    }
}

package io.pulse.testservers;

import java.util.List;
import java.util.Map;

/**
 * One series as returned by VictoriaMetrics' {@code /api/v1/export}: its metric name (for Influx
 * line protocol {@code measurement_field}), its labels (the Influx tags, without the name), and
 * its raw samples in time order ({@code values.get(i)} was taken at {@code timestamps.get(i)},
 * epoch milliseconds).
 */
public record ExportedSeries(String metric, Map<String, String> labels, List<Double> values, List<Long> timestamps) {

    public ExportedSeries {
        labels = Map.copyOf(labels);
        values = List.copyOf(values);
        timestamps = List.copyOf(timestamps);
        if (values.size() != timestamps.size()) {
            throw new IllegalArgumentException(values.size() + " values but " + timestamps.size() + " timestamps");
        }
    }

    /** Number of samples. */
    public int size() {
        return values.size();
    }

    /** Value of the sample taken at {@code epochMillis}, or null if there is none. */
    public Double valueAt(long epochMillis) {
        int i = timestamps.indexOf(epochMillis);
        return i < 0 ? null : values.get(i);
    }
}

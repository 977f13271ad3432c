package io.pulse.jobs.telemetry;

import java.io.Serializable;
import java.util.Map;

/** The contract's known metrics and their valid ranges; other numeric metrics are stored as they are. */
public final class MetricRanges implements Serializable {

    public record Range(double min, double max) implements Serializable {
        boolean contains(double value) {
            return value >= min && value <= max;
        }

        @Override
        public String toString() {
            return "[" + format(min) + ", " + format(max) + "]";
        }

        private static String format(double v) {
            return v == Math.rint(v) ? String.valueOf((long) v) : String.valueOf(v);
        }
    }

    public static final MetricRanges CONTRACT = new MetricRanges(Map.of(
            "temperature", new Range(-50, 150),
            "humidity", new Range(0, 100),
            "vibration", new Range(0, 50),
            "speed", new Range(0, 100),
            "battery", new Range(0, 100),
            "gas", new Range(0, 100_000),
            "flame", new Range(0, 1),
            "motion", new Range(0, 1),
            "light", new Range(0, 200_000)));

    private final Map<String, Range> ranges;

    public MetricRanges(Map<String, Range> ranges) {
        this.ranges = Map.copyOf(ranges);
    }

    public boolean known(String metric) {
        return ranges.containsKey(metric);
    }

    /** Null when the value is valid (or the metric unknown), else the reason. */
    public String check(String metric, double value) {
        Range range = ranges.get(metric);
        if (range == null || range.contains(value)) {
            return null;
        }
        return metric + " " + value + " is outside its valid range " + range;
    }
}

package io.pulse.bench;

import java.util.List;

/** Min, median and max of the measured rounds of one side. */
public record Stats(double min, double median, double max) {

    public static Stats of(List<Double> rounds) {
        double[] v = rounds.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        if (v.length == 0) {
            throw new IllegalArgumentException("no rounds");
        }
        int mid = v.length / 2;
        double median = v.length % 2 == 1 ? v[mid] : (v[mid - 1] + v[mid]) / 2;
        return new Stats(v[0], median, v[v.length - 1]);
    }
}

package io.pulse.jobs.energy.integration;

/**
 * The contract's integration rule for one interval: between (t0, p0) and (t1, p1), power is linear
 * from p0 to p1, and the part of the interval inside [from, to) contributes the trapezoid under
 * that line. Units: ms and W, so the result is in W·ms (divide by 3,600,000 for Wh): summing in
 * W·ms and dividing once keeps whole-second, whole-watt sums exact.
 */
public final class PowerIntegral {

    public static final double WMS_PER_WH = 3_600_000.0;

    private PowerIntegral() {}

    /** W·ms of the interval's part inside [from, to); 0 when they do not overlap. */
    public static double wattMillis(long t0, double p0, long t1, double p1, long from, long to) {
        long a = Math.max(t0, from);
        long b = Math.min(t1, to);
        if (b <= a) {
            return 0;
        }
        if (a == t0 && b == t1) {
            return (b - a) * (p0 + p1) / 2; // the common case, without the rounding of the slope
        }
        return (b - a) * (at(t0, p0, t1, p1, a) + at(t0, p0, t1, p1, b)) / 2;
    }

    /** Milliseconds of the interval inside [from, to). */
    public static long overlapMillis(long t0, long t1, long from, long to) {
        return Math.max(0, Math.min(t1, to) - Math.max(t0, from));
    }

    static double at(long t0, double p0, long t1, double p1, long t) {
        if (t == t0) {
            return p0;
        }
        if (t == t1) {
            return p1;
        }
        return p0 + (p1 - p0) * (t - t0) / (double) (t1 - t0);
    }
}

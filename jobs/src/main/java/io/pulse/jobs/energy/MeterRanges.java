package io.pulse.jobs.energy;

/**
 * Valid ranges of the meter fields, chosen for campus low-voltage meters (see README, "The energy
 * job"). Power may be negative: a bidirectional meter reports export (e.g. solar) that way.
 * Voltage and current are RMS values, so never negative.
 */
final class MeterRanges {

    record Range(double min, double max) {
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

    static final Range POWER_W = new Range(-10_000_000, 10_000_000);
    static final Range VOLTAGE_V = new Range(0, 1_000);
    static final Range CURRENT_A = new Range(0, 10_000);
    static final Range POWER_FACTOR = new Range(-1, 1);
    static final Range FREQUENCY_HZ = new Range(0, 100);
    static final Range ENERGY_REGISTER_WH = new Range(0, 1e15); // 1 PWh: far beyond any campus meter

    private MeterRanges() {}
}

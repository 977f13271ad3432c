package io.pulse.jobs.energy.integration;

import java.util.Arrays;

/**
 * A meter's readings still needed, sorted by ts, as parallel primitive arrays (compact in state,
 * no object per reading), plus the bookkeeping of {@link EnergyIntegrator}. A Flink POJO:
 * public fields and a no-argument constructor; changed in place, then written back to state.
 */
public final class MeterHistory {

    public long[] ts = new long[8];
    public double[] power = new double[8];
    public double[] voltage = new double[8];
    public double[] current = new double[8];
    public int size;
    /** Windows ending at or before this are final; readings that could change them are refused. */
    public long finalBefore = Long.MIN_VALUE;
    /** The window whose timers were registered last, to skip registering them again per reading. */
    public long timersFor = Long.MIN_VALUE;

    public MeterHistory() {}

    /** The index of ts, or {@code -(insertion point) - 1} like {@link Arrays#binarySearch}. */
    public int find(long t) {
        if (size > 0 && t > ts[size - 1]) {
            return -size - 1; // in-order arrival: the common case
        }
        return Arrays.binarySearch(ts, 0, size, t);
    }

    /** Inserts a reading at the insertion point given by {@link #find}. */
    public void insert(int at, long t, double p, double v, double i) {
        if (size == ts.length) {
            int capacity = size * 2;
            ts = Arrays.copyOf(ts, capacity);
            power = Arrays.copyOf(power, capacity);
            voltage = Arrays.copyOf(voltage, capacity);
            current = Arrays.copyOf(current, capacity);
        }
        int moved = size - at;
        if (moved > 0) {
            System.arraycopy(ts, at, ts, at + 1, moved);
            System.arraycopy(power, at, power, at + 1, moved);
            System.arraycopy(voltage, at, voltage, at + 1, moved);
            System.arraycopy(current, at, current, at + 1, moved);
        }
        ts[at] = t;
        power[at] = p;
        voltage[at] = v;
        current[at] = i;
        size++;
    }

    /** Drops the readings before {@code cutoff}. */
    public void dropBefore(long cutoff) {
        int first = 0;
        while (first < size && ts[first] < cutoff) {
            first++;
        }
        if (first == 0) {
            return;
        }
        int kept = size - first;
        System.arraycopy(ts, first, ts, 0, kept);
        System.arraycopy(power, first, power, 0, kept);
        System.arraycopy(voltage, first, voltage, 0, kept);
        System.arraycopy(current, first, current, 0, kept);
        size = kept;
    }

    /** The first index whose ts is at or after t. */
    public int firstAtOrAfter(long t) {
        int at = Arrays.binarySearch(ts, 0, size, t);
        return at >= 0 ? at : -at - 1;
    }
}

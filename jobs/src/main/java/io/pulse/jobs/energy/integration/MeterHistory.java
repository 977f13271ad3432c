package io.pulse.jobs.energy.integration;

import io.pulse.jobs.energy.windows.WindowAccumulator;

import java.util.Arrays;

/**
 * A meter's state in {@link EnergyIntegrator}: the raw readings a new reading could still
 * change the meaning of, sorted by ts, as parallel primitive arrays (compact, no object per
 * reading); the settled part of each open window, into which older readings and the intervals
 * between them are folded ({@link #settle}); and bookkeeping. Public fields, written to
 * checkpoints by {@link MeterHistorySerializer}; changed in place, then written back to state.
 *
 * <p>Invariant: every sample of a raw reading and every interval between two consecutive raw
 * readings is NOT in {@link #settled}; everything before the first raw reading is. The times of
 * settled readings stay in {@link #settledTimes} until their windows are final, for
 * {@link #isRepeat}.
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
    /** Readings before this are settled: a new one there would split a settled interval. */
    public long settledUntil = Long.MIN_VALUE;
    /** The settled part of open windows, a few at a time. */
    public WindowAccumulator[] settled = new WindowAccumulator[0];
    /** The times of the readings folded into {@link #settled}. */
    public SettledTimes settledTimes = new SettledTimes();

    public MeterHistory() {}

    /** The index of ts, or {@code -(insertion point) - 1} like {@link Arrays#binarySearch}. */
    public int find(long t) {
        if (size > 0 && t > ts[size - 1]) {
            return -size - 1; // in-order arrival: the common case
        }
        return Arrays.binarySearch(ts, 0, size, t);
    }

    /** A deep copy, for the state backend's copy-on-write. */
    public MeterHistory copy() {
        MeterHistory c = new MeterHistory();
        c.ts = ts.clone();
        c.power = power.clone();
        c.voltage = voltage.clone();
        c.current = current.clone();
        c.size = size;
        c.finalBefore = finalBefore;
        c.timersFor = timersFor;
        c.settledUntil = settledUntil;
        c.settled = new WindowAccumulator[settled.length];
        for (int k = 0; k < settled.length; k++) {
            c.settled[k] = settled[k].copy();
        }
        c.settledTimes = settledTimes.copy();
        return c;
    }

    /** A reading at t was accepted before: it is a raw reading or a settled one. */
    public boolean isRepeat(long t) {
        return find(t) >= 0 || settledTimes.contains(t);
    }

    /** Inserts a reading at the insertion point given by {@link #find}. */
    public void insert(int at, long t, double p, double v, double i) {
        if (size == ts.length) {
            resize(size * 2);
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

    /** Drops the readings before {@code cutoff}, raw and settled. */
    public void dropBefore(long cutoff) {
        settledTimes.dropBefore(cutoff);
        int first = 0;
        while (first < size && ts[first] < cutoff) {
            first++;
        }
        dropFirst(first);
    }

    private void dropFirst(int first) {
        if (first == 0) {
            return;
        }
        int kept = size - first;
        System.arraycopy(ts, first, ts, 0, kept);
        System.arraycopy(power, first, power, 0, kept);
        System.arraycopy(voltage, first, voltage, 0, kept);
        System.arraycopy(current, first, current, 0, kept);
        size = kept;
        // Give back the heap a burst (e.g. a replay running ahead of the watermark) made the arrays
        // grow to, with room to spare so that this is rare.
        if (ts.length > 16 && size * 3 < ts.length) {
            resize(ts.length / 2);
        }
    }

    private void resize(int capacity) {
        ts = Arrays.copyOf(ts, capacity);
        power = Arrays.copyOf(power, capacity);
        voltage = Arrays.copyOf(voltage, capacity);
        current = Arrays.copyOf(current, capacity);
    }

    /**
     * Folds the readings that no new reading can come between (those followed by a reading at or
     * before {@code limit}) into the settled parts of their windows. Windows ending at or before
     * {@link #finalBefore} get nothing: they are no longer reported.
     */
    public void settle(long limit, long windowMs, long maxGapMs) {
        int k = 0;
        while (k + 1 < size && ts[k + 1] <= limit) {
            long t0 = ts[k];
            long t1 = ts[k + 1];
            long own = Math.floorDiv(t0, windowMs) * windowMs;
            settledTimes.append(t0);
            if (own + windowMs > finalBefore) {
                settledFor(own).addSample(power[k], voltage[k], current[k]);
            }
            if (t1 - t0 <= maxGapMs) {
                for (long start = own; start < t1; start += windowMs) {
                    if (start + windowMs > finalBefore) {
                        settledFor(start).addInterval(t0, power[k], t1, power[k + 1], start + windowMs);
                    }
                }
            }
            k++;
        }
        if (k > 0) {
            settledUntil = ts[k];
            dropFirst(k);
        }
    }

    /** The settled part of the window starting at {@code start}, or null. */
    public WindowAccumulator settledOf(long start) {
        for (WindowAccumulator w : settled) {
            if (w.start == start) {
                return w;
            }
        }
        return null;
    }

    private WindowAccumulator settledFor(long start) {
        WindowAccumulator w = settledOf(start);
        if (w == null) {
            w = new WindowAccumulator(start);
            settled = Arrays.copyOf(settled, settled.length + 1);
            settled[settled.length - 1] = w;
        }
        return w;
    }

    /** Forgets the settled parts of windows starting before {@code start}. */
    public void forgetSettledBefore(long start) {
        settled = Arrays.stream(settled).filter(w -> w.start >= start).toArray(WindowAccumulator[]::new);
    }

    /** Nothing left: no raw reading and no open window. */
    public boolean empty() {
        return size == 0 && settled.length == 0;
    }

    /** The first index whose ts is at or after t. */
    public int firstAtOrAfter(long t) {
        int at = Arrays.binarySearch(ts, 0, size, t);
        return at >= 0 ? at : -at - 1;
    }
}

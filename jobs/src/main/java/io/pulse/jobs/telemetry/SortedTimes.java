package io.pulse.jobs.telemetry;

import io.pulse.jobs.telemetry.serialization.SortedTimesTypeInfo;

import org.apache.flink.api.common.typeinfo.TypeInfo;

import java.util.Arrays;

/**
 * A device's pending or recently seen reading times: a sorted set of longs, changed in place. A
 * reading in time order is an append (amortized O(1)) and dropping the oldest is one shift, so a
 * device that sends hundreds of readings a second, or a backlog after an outage, costs no more per
 * reading than a quiet one; a copy per reading made that quadratic in the readings kept.
 *
 * <p>Kept in keyed state and changed in place between {@code value()} and {@code update()}: the
 * heap state backend copies a value a running snapshot still holds before handing it out (its
 * copy-on-write, with {@link io.pulse.jobs.telemetry.serialization.SortedTimesSerializer#copy}),
 * and RocksDB hands out a fresh copy anyway. In a checkpoint: the count and the times, 8 bytes each.
 */
@TypeInfo(SortedTimesTypeInfo.Factory.class)
public final class SortedTimes {

    private static final long[] EMPTY = new long[0];
    private static final int MIN_CAPACITY = 8;

    private long[] times;
    private int size;

    public SortedTimes() {
        this.times = EMPTY;
    }

    /** From times already sorted and distinct (a deserialized value). */
    public static SortedTimes ofSorted(long[] sorted, int count) {
        SortedTimes result = new SortedTimes();
        result.times = sorted;
        result.size = count;
        return result;
    }

    public int size() {
        return size;
    }

    public boolean isEmpty() {
        return size == 0;
    }

    /** The i-th oldest. */
    public long get(int i) {
        if (i < 0 || i >= size) {
            throw new IndexOutOfBoundsException(i + " of " + size);
        }
        return times[i];
    }

    public long first() {
        return get(0);
    }

    public boolean contains(long ts) {
        return size > 0 && ts <= times[size - 1] && Arrays.binarySearch(times, 0, size, ts) >= 0;
    }

    /** Adds ts in its place; false when it is there already. */
    public boolean add(long ts) {
        int index;
        if (size == 0 || ts > times[size - 1]) {
            index = size; // in time order: the common case, no search
        } else {
            int at = Arrays.binarySearch(times, 0, size, ts);
            if (at >= 0) {
                return false;
            }
            index = -at - 1;
        }
        if (size == times.length) {
            times = Arrays.copyOf(times, Math.max(MIN_CAPACITY, size * 2));
        }
        System.arraycopy(times, index, times, index + 1, size - index);
        times[index] = ts;
        size++;
        return true;
    }

    /** Drops every time at or before {@code cutoff}; returns how many went. */
    public int removeUpTo(long cutoff) {
        int upper = Arrays.binarySearch(times, 0, size, cutoff);
        int removed = upper >= 0 ? upper + 1 : -upper - 1;
        if (removed == 0) {
            return 0;
        }
        size -= removed;
        if (times.length > 4 * MIN_CAPACITY && size < times.length / 4) {
            times = Arrays.copyOfRange(times, removed, removed + Math.max(MIN_CAPACITY, size * 2)); // give memory back
        } else {
            System.arraycopy(times, removed, times, 0, size);
        }
        return removed;
    }

    /** An independent copy, as small as its content. */
    public SortedTimes copy() {
        return ofSorted(Arrays.copyOf(times, size), size);
    }

    public long[] toArray() {
        return Arrays.copyOf(times, size);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SortedTimes other && Arrays.equals(times, 0, size, other.times, 0, other.size);
    }

    @Override
    public int hashCode() {
        int h = 1;
        for (int i = 0; i < size; i++) {
            h = 31 * h + Long.hashCode(times[i]);
        }
        return h;
    }

    @Override
    public String toString() {
        return Arrays.toString(toArray());
    }
}

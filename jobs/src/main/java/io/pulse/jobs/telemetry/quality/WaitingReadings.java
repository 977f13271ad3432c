package io.pulse.jobs.telemetry.quality;

import io.pulse.jobs.telemetry.Reading;
import io.pulse.jobs.telemetry.serialization.WaitingReadingsTypeInfo;

import org.apache.flink.api.common.typeinfo.TypeInfo;

import java.util.Arrays;

/**
 * A device's readings waiting for the watermark, oldest first, one per ts; changed in place.
 * A reading in time order is an append and the scored ones leave as a prefix, so it costs what
 * the times alone cost ({@link io.pulse.jobs.telemetry.SortedTimes}). It replaced a map state
 * keyed by ts plus the sorted times beside it: three state lookups and a boxed key per reading,
 * and after every checkpoint the heap backend's copy-on-write rebuilt each device's map, about
 * a tenth of the telemetry job's CPU under load. Here that copy is one array copy (readings are
 * immutable and shared). With RocksDB a value is read and written whole on every access: cheap for
 * devices that report every second or so (a handful waiting); one that sends hundreds a second
 * pays there for all its waiting readings on each one (so did the sorted times before, 8 bytes each).
 */
@TypeInfo(WaitingReadingsTypeInfo.Factory.class)
public final class WaitingReadings {

    private static final Reading[] EMPTY = new Reading[0];
    private static final int MIN_CAPACITY = 8;

    private Reading[] readings;
    private int size;

    public WaitingReadings() {
        this.readings = EMPTY;
    }

    /** From readings already in time order with distinct times (a deserialized value). */
    public static WaitingReadings ofSorted(Reading[] sorted, int count) {
        WaitingReadings result = new WaitingReadings();
        result.readings = sorted;
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
    public Reading get(int i) {
        if (i < 0 || i >= size) {
            throw new IndexOutOfBoundsException(i + " of " + size);
        }
        return readings[i];
    }

    /** Adds the reading in its place by ts; one already waiting with the same ts is replaced. */
    public void add(Reading reading) {
        long ts = reading.ts();
        int index;
        if (size == 0 || ts > readings[size - 1].ts()) {
            index = size; // in time order: the common case, no search
        } else {
            int at = indexOf(ts);
            if (at >= 0) {
                readings[at] = reading;
                return;
            }
            index = -at - 1;
        }
        if (size == readings.length) {
            readings = Arrays.copyOf(readings, Math.max(MIN_CAPACITY, size * 2));
        }
        System.arraycopy(readings, index, readings, index + 1, size - index);
        readings[index] = reading;
        size++;
    }

    /** Drops the {@code count} oldest. */
    public void removeFirst(int count) {
        if (count < 0 || count > size) {
            throw new IndexOutOfBoundsException(count + " of " + size);
        }
        size -= count;
        if (readings.length > 4 * MIN_CAPACITY && size < readings.length / 4) {
            readings = Arrays.copyOfRange(readings, count, count + Math.max(MIN_CAPACITY, size * 2)); // give memory back
        } else {
            System.arraycopy(readings, count, readings, 0, size);
            Arrays.fill(readings, size, size + count, null); // no reading kept alive by a spare slot
        }
    }

    /** An independent copy, as small as its content; the readings themselves are shared. */
    public WaitingReadings copy() {
        return ofSorted(Arrays.copyOf(readings, size), size);
    }

    /** Binary search by ts: the index, or -(insertion point) - 1. */
    private int indexOf(long ts) {
        int low = 0;
        int high = size - 1;
        while (low <= high) {
            int mid = (low + high) >>> 1;
            long t = readings[mid].ts();
            if (t < ts) {
                low = mid + 1;
            } else if (t > ts) {
                high = mid - 1;
            } else {
                return mid;
            }
        }
        return -(low + 1);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof WaitingReadings other && Arrays.equals(readings, 0, size, other.readings, 0, other.size);
    }

    @Override
    public int hashCode() {
        int h = 1;
        for (int i = 0; i < size; i++) {
            h = 31 * h + readings[i].hashCode();
        }
        return h;
    }

    @Override
    public String toString() {
        return Arrays.toString(Arrays.copyOf(readings, size));
    }
}

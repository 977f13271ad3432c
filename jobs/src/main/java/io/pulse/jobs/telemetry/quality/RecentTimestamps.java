package io.pulse.jobs.telemetry.quality;

import java.util.Arrays;

/**
 * A device's recently seen reading times as a sorted {@code long[]}: the most compact form in
 * state (8 bytes a reading), with a binary search to find repeats. Pure functions; arrays are
 * never changed in place, so a value read from state is never altered behind its back.
 */
final class RecentTimestamps {

    static final long[] NONE = new long[0];

    private RecentTimestamps() {}

    static boolean contains(long[] sorted, long ts) {
        return sorted != null && Arrays.binarySearch(sorted, ts) >= 0;
    }

    /** A copy with ts added in order (unchanged content if it is already there). */
    static long[] insert(long[] sorted, long ts) {
        long[] from = sorted == null ? NONE : sorted;
        int at = Arrays.binarySearch(from, ts);
        if (at >= 0) {
            return from;
        }
        int index = -at - 1;
        long[] result = new long[from.length + 1];
        System.arraycopy(from, 0, result, 0, index);
        result[index] = ts;
        System.arraycopy(from, index, result, index + 1, from.length - index);
        return result;
    }

    /** The times strictly after {@code cutoff}. */
    static long[] keepAfter(long[] sorted, long cutoff) {
        if (sorted == null) {
            return NONE;
        }
        int first = 0;
        while (first < sorted.length && sorted[first] <= cutoff) {
            first++;
        }
        return first == 0 ? sorted : Arrays.copyOfRange(sorted, first, sorted.length);
    }
}

package io.pulse.jobs.telemetry.alerts;

/**
 * What {@link OfflineDetector} keeps per device. A mutable Flink POJO (public fields, no-arg
 * constructor): it is rewritten with every reading, and a record would need a copy per field.
 */
public final class OfflineState {

    public static final long NONE = Long.MIN_VALUE;
    static final long[] NO_TIMES = new long[0];

    /** Newest reading handled in event-time order (the replay path). */
    public long lastTs = NONE;
    /** Newest reading that arrived (the wall-clock path's "last reading"). */
    public long newestSeenTs = NONE;
    /** The device's OFFLINE timeout from its latest reading; 0 = OFFLINE disabled. */
    public long afterMs;
    public String displayName;
    /** Pending processing-time timers, NONE when not set. */
    public long deadline = NONE;
    public long forgetAt = NONE;
    /** When the wall-clock path is due (last arrival + timeout), NONE when OFFLINE is off; the deadline timer catches up with it. */
    public long dueAt = NONE;
    /** Times of readings not yet judged in timestamp order, sorted, and the event-time timer set for the earliest. */
    public long[] waiting = NO_TIMES;
    public long judgeAt = NONE;
    /** The OFFLINE alert the wall-clock path opened, null when none, and the last reading before it. */
    public Alert open;
    public long silentSince = NONE;
    /** Opening time of the last alert resolved when a reading arrived: the event-time path must not report it again. */
    public long resolvedOnArrival = NONE;

    public OfflineState() {}

    /** A copy of sorted {@code times} with {@code ts} in its place (the same array if it is there). */
    static long[] insert(long[] times, long ts) {
        long[] from = times == null ? NO_TIMES : times;
        int at = java.util.Arrays.binarySearch(from, ts);
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
}

package io.pulse.jobs.telemetry.alerts;

import io.pulse.jobs.telemetry.SortedTimes;

/**
 * What {@link OfflineDetector} keeps per device. A mutable Flink POJO (public fields, no-arg
 * constructor): it is rewritten with every reading, and a record would need a copy per field.
 */
public final class OfflineState {

    public static final long NONE = Long.MIN_VALUE;

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
    /** Times of readings not yet judged in timestamp order, and the event-time timer set for the earliest. */
    public SortedTimes waiting = new SortedTimes();
    public long judgeAt = NONE;
    /** The OFFLINE alert the wall-clock path opened, null when none, and the last reading before it. */
    public Alert open;
    public long silentSince = NONE;
    /** Opening time of the last alert resolved when a reading arrived: the event-time path must not report it again. */
    public long resolvedOnArrival = NONE;

    public OfflineState() {}
}

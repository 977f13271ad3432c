package io.pulse.jobs.telemetry.alerts;

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
    /** The OFFLINE alert the wall-clock path opened, null when none, and the last reading before it. */
    public Alert open;
    public long silentSince = NONE;
    /** Opening time of the last alert resolved when a reading arrived: the event-time path must not report it again. */
    public long resolvedOnArrival = NONE;

    public OfflineState() {}
}

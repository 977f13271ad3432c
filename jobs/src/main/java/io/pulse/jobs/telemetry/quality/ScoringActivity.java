package io.pulse.jobs.telemetry.quality;

/**
 * When a device's last reading was scored, when its one cleanup timer is due, and the latest
 * release timer registered for its waiting readings: kept so that timers are re-armed or shared
 * instead of one timer being registered per reading. {@link #NONE} where there is none. Public so
 * that Flink serializes it as a POJO rather than with Kryo.
 */
public record ScoringActivity(long lastScoredTs, long cleanupAt, long releaseTimer) {

    public static final long NONE = Long.MIN_VALUE;

    static final ScoringActivity INITIAL = new ScoringActivity(NONE, NONE, NONE);

    ScoringActivity scoredAt(long ts) {
        return new ScoringActivity(Math.max(ts, lastScoredTs), cleanupAt, releaseTimer);
    }

    ScoringActivity cleanupAt(long at) {
        return new ScoringActivity(lastScoredTs, at, releaseTimer);
    }

    ScoringActivity releaseTimer(long at) {
        return new ScoringActivity(lastScoredTs, cleanupAt, at);
    }
}

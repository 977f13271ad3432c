package io.pulse.jobs.telemetry.quality;

/**
 * When a device's last reading was scored, and when its one cleanup timer is due: kept so that
 * the timer is re-armed instead of one timer being registered per reading. Public so that Flink
 * serializes it as a POJO rather than with Kryo.
 */
public record ScoringActivity(long lastScoredTs, long cleanupAt) {}

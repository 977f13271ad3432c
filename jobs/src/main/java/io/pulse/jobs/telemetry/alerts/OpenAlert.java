package io.pulse.jobs.telemetry.alerts;

/**
 * An alert while it is open, with the time its condition was last seen holding: the alerts that
 * are events rather than levels (BATTERY_DROP, ANOMALY_BURST, FIRE_RISK) resolve after a quiet
 * time since then.
 */
public record OpenAlert(Alert alert, long lastTriggerTs) {

    public OpenAlert triggeredAt(long ts) {
        return ts > lastTriggerTs ? new OpenAlert(alert, ts) : this;
    }
}

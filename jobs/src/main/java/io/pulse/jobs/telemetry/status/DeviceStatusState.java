package io.pulse.jobs.telemetry.status;

/**
 * What {@link DeviceStatusTracker} keeps per device: a handful of numbers, whatever the number of
 * readings or alerts. A Flink POJO (public fields, no-argument constructor), so the state can
 * evolve by adding fields.
 */
public class DeviceStatusState {

    /** Set by the first reading; until then there is no row to write (last_seen_at is NOT NULL). */
    public boolean seen;
    /** The largest reading time, epoch ms. */
    public long lastSeen;
    /** The largest event time seen from readings, alert events and timers: when health is evaluated. */
    public long clock;
    /** The open alert types, bit {@code 1 << AlertType.ordinal()}. */
    public int openTypes;
    /** The opening time of the latest BATTERY_DROP, or {@link Long#MIN_VALUE} when none. */
    public long lastBatteryDrop = Long.MIN_VALUE;

    /** What was last written: a row is written only when one of these changes (or last_seen is due). */
    public boolean written;
    public int writtenHealth;
    public boolean writtenOnline;
    public int writtenOpenAlerts;
    public long writtenLastSeen;

    public DeviceStatusState() {}
}

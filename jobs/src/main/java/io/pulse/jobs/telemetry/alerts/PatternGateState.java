package io.pulse.jobs.telemetry.alerts;

/**
 * What {@link PatternGate} keeps per device. A mutable Flink POJO (public fields, no-argument
 * constructor): rewritten with every reading.
 */
public final class PatternGateState {

    /** Whether the last temperature / vibration reading was over its threshold. */
    public boolean lastHot;
    public boolean lastVibrating;
    /** The previous battery reading (NaN before the first), and whether it went to the pattern. */
    public double lastBattery = Double.NaN;
    public long lastBatteryTs;
    public boolean lastBatteryPassed;

    public PatternGateState() {}

    boolean hasBattery() {
        return !Double.isNaN(lastBattery);
    }
}

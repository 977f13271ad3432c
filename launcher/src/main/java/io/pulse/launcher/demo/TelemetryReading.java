package io.pulse.launcher.demo;

/** A telemetry reading as the demo job sees it (a Flink POJO). */
public class TelemetryReading {
    public String deviceId;
    public long ts;
    /** NaN when the reading has no such metric. */
    public double temperature = Double.NaN;
    public double humidity = Double.NaN;
    public double battery = Double.NaN;
    public double vibration = Double.NaN;

    public TelemetryReading() {
    }
}

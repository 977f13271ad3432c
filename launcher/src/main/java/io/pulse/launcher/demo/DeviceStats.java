package io.pulse.launcher.demo;

/** What one device sent during one summary window (a Flink POJO). */
public class DeviceStats {
    public String deviceId;
    public int readings;
    public double lastTemperature = Double.NaN;
    public double maxTemperature = Double.NaN;
    public double lastHumidity = Double.NaN;
    public double lastBattery = Double.NaN;
    public double lastVibration = Double.NaN;
    public long lastTs;

    public DeviceStats() {
    }

    public DeviceStats(String deviceId) {
        this.deviceId = deviceId;
    }

    void add(TelemetryReading r) {
        readings++;
        if (!Double.isNaN(r.temperature)) {
            maxTemperature = Double.isNaN(maxTemperature) ? r.temperature
                    : Math.max(maxTemperature, r.temperature);
        }
        if (r.ts >= lastTs) {
            lastTs = r.ts;
            lastTemperature = r.temperature;
            lastHumidity = r.humidity;
            lastBattery = r.battery;
            lastVibration = r.vibration;
        }
    }
}

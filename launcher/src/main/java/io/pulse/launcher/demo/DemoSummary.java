package io.pulse.launcher.demo;

import java.util.ArrayList;
import java.util.List;

/** The demo job's output: per device, what arrived during one window (a Flink POJO). */
public class DemoSummary {
    public long windowStart;
    public long windowEnd;
    public List<DeviceStats> devices = new ArrayList<>();

    public DemoSummary() {
    }

    public int readings() {
        return devices.stream().mapToInt(d -> d.readings).sum();
    }
}

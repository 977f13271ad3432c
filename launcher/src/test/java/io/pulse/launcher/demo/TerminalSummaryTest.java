package io.pulse.launcher.demo;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TerminalSummaryTest {

    @Test
    void oneLinePerDeviceAndTheOverheatingOneIsMarked() {
        DemoSummary s = new DemoSummary();
        s.windowStart = 1_700_000_000_000L;
        s.windowEnd = s.windowStart + 5_000;
        s.devices.add(stats("lab-a-01", 5, 24.31, 24.5));
        s.devices.add(stats("workshop-04", 5, 88.04, 91.2));

        String[] lines = TerminalSummary.format(s).split(System.lineSeparator());

        assertThat(lines).hasSize(4);
        assertThat(lines[0]).endsWith("] 10 readings from 2 devices in the last 5 s");
        assertThat(lines[1]).contains("device").contains("temp C");
        assertThat(lines[2]).matches("  lab-a-01 +5 +24\\.3 +24\\.5 .*").doesNotContain("OVERHEAT");
        assertThat(lines[3]).contains("workshop-04").contains("88.0").contains("91.2")
                .endsWith("<< OVERHEATING (over 75 C)");
    }

    @Test
    void anEmptyWindowIsOneLine() {
        DemoSummary s = new DemoSummary();
        s.windowEnd = 5_000;
        assertThat(TerminalSummary.format(s)).endsWith("0 readings from 0 devices in the last 5 s"
                + System.lineSeparator());
    }

    private static DeviceStats stats(String id, int n, double last, double max) {
        DeviceStats d = new DeviceStats(id);
        d.readings = n;
        d.lastTemperature = last;
        d.maxTemperature = max;
        d.lastHumidity = 50;
        d.lastBattery = 90;
        d.lastVibration = 0.3;
        return d;
    }
}

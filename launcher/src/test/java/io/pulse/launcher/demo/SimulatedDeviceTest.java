package io.pulse.launcher.demo;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

class SimulatedDeviceTest {
    private final ObjectMapper mapper = new ObjectMapper();

    @Test
    void readingsFollowTheContract() {
        SimulatedDevice device = new SimulatedDevice("lab-a-01", false, 1);
        for (int i = 0; i < 300; i++) {
            ObjectNode r = device.nextReading(mapper, 1_000L * i);
            assertThat(r.get("deviceId").asText()).isEqualTo("lab-a-01");
            assertThat(r.get("ts").asLong()).isEqualTo(1_000L * i);
            assertThat(r.get("temperature").asDouble()).isBetween(15.0, 35.0);
            assertThat(r.get("humidity").asDouble()).isBetween(0.0, 100.0);
            assertThat(r.get("battery").asDouble()).isBetween(0.0, 100.0);
            assertThat(r.get("vibration").asDouble()).isBetween(0.0, 50.0);
        }
        assertThat(device.topic()).isEqualTo("devices/lab-a-01/telemetry");
    }

    @Test
    void theMisbehavingDeviceOverheatsEarlyAndCoolsDownAgain() {
        SimulatedDevice device = new SimulatedDevice("workshop-04", true, 7);
        int hot = 0;
        int hotInARow = 0;
        int longestHotRun = 0;
        double last = 0;
        for (int i = 0; i < 60; i++) {
            last = device.nextReading(mapper, i).get("temperature").asDouble();
            hotInARow = last > 75 ? hotInARow + 1 : 0;
            hot += last > 75 ? 1 : 0;
            longestHotRun = Math.max(longestHotRun, hotInARow);
        }
        // above the contract's OVERHEAT threshold on (at least) 3 consecutive readings ...
        assertThat(longestHotRun).isGreaterThanOrEqualTo(3);
        assertThat(hot).isLessThan(30);
        // ... and back to normal afterwards
        assertThat(last).isLessThan(40);
    }
}

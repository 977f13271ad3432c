package io.pulse.launcher.demo.summary;

import java.time.Instant;

/** One device as the telemetry job left it in {@code device_status}, with its registry name. */
public record DeviceLine(String deviceId, String name, boolean online, int health, int openAlerts,
                         Instant lastSeenAt) {
}

package io.pulse.launcher.demo.summary;

import java.time.Instant;

/**
 * A registered device and, once the telemetry job has stored a reading of it, its status from
 * {@code device_status}; before that {@code online}, {@code health}, {@code openAlerts} and
 * {@code lastSeenAt} are null.
 */
public record DeviceLine(String deviceId, String name, String place, Boolean online, Integer health,
                         Integer openAlerts, Instant lastSeenAt) {

    /** A device with a stored status. */
    public static DeviceLine reporting(String deviceId, String name, String place, boolean online, int health,
                                       int openAlerts, Instant lastSeenAt) {
        return new DeviceLine(deviceId, name, place, online, health, openAlerts, lastSeenAt);
    }

    /** A registered device that no reading has been stored for yet. */
    public static DeviceLine waiting(String deviceId, String name, String place) {
        return new DeviceLine(deviceId, name, place, null, null, null, null);
    }

    public boolean hasStatus() {
        return lastSeenAt != null;
    }
}

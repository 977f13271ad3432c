package io.pulse.jobs.telemetry.status;

import io.pulse.jobs.storage.UpsertTable;

import java.time.Instant;
import java.util.Objects;

/**
 * One row of the device registry, {@code devices}. Operators set name, location, kind and the
 * expected interval; the telemetry job only registers devices it has not seen before.
 *
 * @param expectedIntervalMs overrides the default OFFLINE timeout; null when not set
 * @param firstSeenAt        the time of the first valid reading the job saw; null when unknown
 */
public record Device(String deviceId, String name, String location, String kind, Long expectedIntervalMs, Instant firstSeenAt) {

    /**
     * The registration of a device seen for the first time: inserts {@code (device_id, first_seen_at)}
     * when the device is unknown; for a known one it only fills in a missing {@code first_seen_at}
     * and leaves what an operator set (and an earlier first_seen_at) alone. Replays are harmless.
     */
    public static final UpsertTable<Device> REGISTRATION = UpsertTable.<Device>into("devices")
            .key("device_id", Device::deviceId)
            .columnIfNull("first_seen_at", Device::firstSeenAt)
            .build();

    public Device {
        Objects.requireNonNull(deviceId, "deviceId");
    }

    /** A device known only by its id and when it was first seen. */
    public static Device firstSeen(String deviceId, Instant at) {
        return new Device(deviceId, null, null, null, null, Objects.requireNonNull(at, "at"));
    }
}

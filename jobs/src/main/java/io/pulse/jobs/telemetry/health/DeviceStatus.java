package io.pulse.jobs.telemetry.health;

import io.pulse.jobs.storage.UpsertTable;

import java.time.Instant;
import java.util.Objects;

/** One row of {@code device_status}: the latest known state of a device, overwritten on change. */
public record DeviceStatus(String deviceId, Instant lastSeenAt, boolean online, int health, int openAlerts, Instant updatedAt) {

    public static final UpsertTable<DeviceStatus> TABLE = UpsertTable.<DeviceStatus>into("device_status")
            .key("device_id", DeviceStatus::deviceId)
            .column("last_seen_at", DeviceStatus::lastSeenAt)
            .column("online", DeviceStatus::online)
            .column("health", DeviceStatus::health)
            .column("open_alerts", DeviceStatus::openAlerts)
            .column("updated_at", DeviceStatus::updatedAt)
            .build();

    public DeviceStatus {
        Objects.requireNonNull(deviceId, "deviceId");
        Objects.requireNonNull(lastSeenAt, "lastSeenAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
        // The columns are TINYINT UNSIGNED and SMALLINT UNSIGNED: refuse here, not at the database.
        if (health < 0 || health > HealthScore.MAX) {
            throw new IllegalArgumentException("health must be within 0..100, got " + health);
        }
        if (openAlerts < 0 || openAlerts > 65_535) {
            throw new IllegalArgumentException("open alerts must be within 0..65535, got " + openAlerts);
        }
    }
}

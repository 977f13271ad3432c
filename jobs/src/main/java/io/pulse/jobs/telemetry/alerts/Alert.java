package io.pulse.jobs.telemetry.alerts;

import io.pulse.jobs.storage.UpsertTable;
import io.pulse.jobs.telemetry.rules.AlertType;
import io.pulse.jobs.telemetry.rules.Severity;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;

/**
 * One alert as stored in {@code alerts}: every change (opened, escalated, resolved) is the full
 * row again, and the upsert overwrites. The id depends only on device, type and opening time, so
 * the same alert computed twice (a replay, a restore, the two OFFLINE paths) is the same row.
 *
 * @param resolvedAt null while open
 * @param value      the triggering value; null when there is none (OFFLINE while open)
 */
public record Alert(
        String alertId,
        String deviceId,
        AlertType type,
        Severity severity,
        Instant openedAt,
        Instant resolvedAt,
        Double value,
        String message) {

    public static final int MAX_MESSAGE_CHARS = 512; // alerts.message VARCHAR(512)

    public static final UpsertTable<Alert> TABLE = UpsertTable.<Alert>into("alerts")
            .key("alert_id", Alert::alertId)
            .column("device_id", Alert::deviceId)
            .column("type", Alert::type)
            .column("severity", Alert::severity)
            .column("opened_at", Alert::openedAt)
            .column("resolved_at", Alert::resolvedAt)
            .column("value", Alert::value)
            .column("message", Alert::message)
            .build();

    public Alert {
        if (message.length() > MAX_MESSAGE_CHARS) {
            message = message.substring(0, MAX_MESSAGE_CHARS - 3) + "...";
        }
    }

    /** A new open alert, its id derived from device, type and opening time. */
    public static Alert open(String deviceId, AlertType type, Severity severity, long openedAt, Double value, String message) {
        return new Alert(id(deviceId, type, openedAt), deviceId, type, severity, Instant.ofEpochMilli(openedAt), null,
                finite(value), message);
    }

    /** Lowercase hex SHA-256 of {@code deviceId|type|openedAt epoch ms}: 64 characters. */
    public static String id(String deviceId, AlertType type, long openedAt) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest((deviceId + "|" + type.name() + "|" + openedAt).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    public Alert resolved(long at, Double newValue, String newMessage) {
        return new Alert(alertId, deviceId, type, severity, openedAt, Instant.ofEpochMilli(at), finite(newValue), newMessage);
    }

    public Alert escalated(Severity newSeverity, Double newValue, String newMessage) {
        return new Alert(alertId, deviceId, type, newSeverity, openedAt, resolvedAt, finite(newValue), newMessage);
    }

    public boolean isOpen() {
        return resolvedAt == null;
    }

    /** NaN and infinities have no place in a DOUBLE column or in JSON: stored as null. */
    private static Double finite(Double value) {
        return value == null || !Double.isFinite(value) ? null : value;
    }
}

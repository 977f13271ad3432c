package io.pulse.cluster;

import io.pulse.jobs.storage.DatabaseConnections;
import io.pulse.jobs.storage.JdbcSettings;
import io.pulse.jobs.telemetry.alerts.Alert;
import io.pulse.jobs.telemetry.rules.AlertType;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/** The telemetry job's scripted devices (as TelemetryJobITCase): R1 overheats for readings 10..15, C1 stays clean. */
final class TelemetryRows {

    static final String PROBE = "{\"deviceId\":\"B1\",\"ts\":1,\"temperature\":\"hot\"}";

    private TelemetryRows() {}

    /** Readings from..to-1, every 5 s from base. */
    static void publish(MqttPublisher device, Instant base, int from, int to) {
        for (int i = from; i < to; i++) {
            long ts = base.plusSeconds(5L * i).toEpochMilli();
            double hot = i >= 10 && i <= 15 ? 82.4 : 21.0;
            device.publish("devices/R1/telemetry", "{\"deviceId\":\"R1\",\"ts\":" + ts + ",\"temperature\":" + hot + "}");
            device.publish("devices/C1/telemetry", "{\"deviceId\":\"C1\",\"ts\":" + ts + ",\"temperature\":21.5,\"humidity\":40}");
        }
    }

    /** The one OVERHEAT of the script, "id|R1|OVERHEAT|HIGH|opened|resolved". */
    static String overheat(Instant base) {
        Instant opened = base.plusSeconds(5L * 12);   // the third hot reading completes the pattern
        Instant resolved = base.plusSeconds(5L * 16); // the first reading back below 75 - 2
        return Alert.id("R1", AlertType.OVERHEAT, opened.toEpochMilli()) + "|R1|OVERHEAT|HIGH|" + opened + "|" + resolved;
    }

    static void awaitSubscribed(MqttPublisher device, JdbcSettings jdbc) throws InterruptedException {
        for (int i = 0; Sql.rows(jdbc, "SELECT reason FROM rejected_messages").isEmpty(); i++) {
            if (i > 1200) {
                throw new AssertionError("the telemetry job did not subscribe within 120 s");
            }
            device.publish("devices/B1/telemetry", PROBE);
            Thread.sleep(100);
        }
    }

    /** "id|device|type|severity|opened|resolved-or-open" per alert. */
    static List<String> alerts(JdbcSettings jdbc) {
        List<String> rows = new ArrayList<>();
        try (Connection c = DatabaseConnections.open(jdbc); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SELECT alert_id, device_id, type, severity, opened_at, resolved_at FROM alerts")) {
            while (r.next()) {
                LocalDateTime resolvedAt = r.getObject(6, LocalDateTime.class);
                rows.add(String.join("|", r.getString(1), r.getString(2), r.getString(3), r.getString(4),
                        r.getObject(5, LocalDateTime.class).toInstant(ZoneOffset.UTC).toString(),
                        resolvedAt == null ? "open" : resolvedAt.toInstant(ZoneOffset.UTC).toString()));
            }
        } catch (Exception notYet) {
            return List.of();
        }
        return rows;
    }
}

package io.pulse.jobs.telemetry;

import io.pulse.jobs.storage.DatabaseConnections;
import io.pulse.jobs.storage.JdbcSettings;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/** The alerts table as the end-to-end tests compare it: "id|device|type|severity|opened|resolved-or-open". */
final class AlertRows {

    private AlertRows() {}

    static List<String> read(JdbcSettings jdbc) throws Exception {
        List<String> rows = new ArrayList<>();
        try (Connection c = DatabaseConnections.open(jdbc); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SELECT alert_id, device_id, type, severity, opened_at, resolved_at FROM alerts")) {
            while (r.next()) {
                LocalDateTime resolvedAt = r.getObject(6, LocalDateTime.class);
                rows.add(String.join("|", r.getString(1), r.getString(2), r.getString(3), r.getString(4),
                        r.getObject(5, LocalDateTime.class).toInstant(ZoneOffset.UTC).toString(),
                        resolvedAt == null ? "open" : resolvedAt.toInstant(ZoneOffset.UTC).toString()));
            }
        }
        return rows;
    }
}

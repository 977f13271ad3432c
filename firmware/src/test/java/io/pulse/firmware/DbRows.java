package io.pulse.firmware;

import io.pulse.jobs.storage.DatabaseConnections;
import io.pulse.jobs.storage.JdbcSettings;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/** Query results as text rows "a|b|c": times as UTC instants, NULL as "null". */
final class DbRows {

    private DbRows() {}

    static List<String> query(JdbcSettings jdbc, String sql) {
        List<String> rows = new ArrayList<>();
        try (Connection c = DatabaseConnections.open(jdbc); Statement s = c.createStatement(); ResultSet r = s.executeQuery(sql)) {
            ResultSetMetaData meta = r.getMetaData();
            while (r.next()) {
                StringBuilder row = new StringBuilder();
                for (int i = 1; i <= meta.getColumnCount(); i++) {
                    if (i > 1) {
                        row.append('|');
                    }
                    row.append(text(r.getObject(i)));
                }
                rows.add(row.toString());
            }
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
        return rows;
    }

    /** Every row of every table and view of the database, prefixed with its table's name. */
    static List<String> everything(JdbcSettings jdbc) {
        List<String> all = new ArrayList<>();
        for (String table : query(jdbc, "SELECT table_name FROM information_schema.tables WHERE table_schema = DATABASE()")) {
            query(jdbc, "SELECT * FROM `" + table + "`").forEach(row -> all.add(table + ": " + row));
        }
        return all;
    }

    private static String text(Object value) {
        if (value instanceof java.sql.Timestamp ts) {
            return ts.toLocalDateTime().toInstant(ZoneOffset.UTC).toString();
        }
        if (value instanceof LocalDateTime ldt) {
            return ldt.toInstant(ZoneOffset.UTC).toString();
        }
        if (value instanceof byte[] bytes) {
            return new String(bytes, StandardCharsets.UTF_8);
        }
        return String.valueOf(value);
    }
}

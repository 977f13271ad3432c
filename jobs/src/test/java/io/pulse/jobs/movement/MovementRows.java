package io.pulse.jobs.movement;

import io.pulse.jobs.storage.DatabaseConnections;
import io.pulse.jobs.storage.JdbcSettings;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** The movement tables as text rows, pseudonyms shown by the script's names. */
public final class MovementRows {

    private final JdbcSettings jdbc;
    private final GateDay day;

    public MovementRows(JdbcSettings jdbc, GateDay day) {
        this.jdbc = jdbc;
        this.day = day;
    }

    public Set<String> visits() {
        return new TreeSet<>(query("SELECT person_id, entered_at, exited_at, entry_gate, exit_gate, dwell_seconds, exit_unseen FROM visits"));
    }

    public Set<String> anomalies() {
        return new TreeSet<>(query("SELECT person_id, at, kind, gate FROM movement_anomalies"));
    }

    public Set<String> traffic(java.time.Instant before) {
        Set<String> rows = new TreeSet<>();
        for (String row : query("SELECT gate, hour_start, entries, exits, randomized_sightings FROM gate_traffic_hourly")) {
            if (java.time.Instant.parse(row.split("\\|")[1]).isBefore(before)) {
                rows.add(row);
            }
        }
        return rows;
    }

    /** at|inside of a gate's occupancy rows, in time order. */
    public List<String> occupancy(String gate) {
        return query("SELECT at, inside FROM occupancy WHERE gate = '" + gate + "' ORDER BY at");
    }

    /** The rows where the count differs from the row before: the curve. */
    public static List<String> changes(List<String> rows) {
        List<String> curve = new ArrayList<>();
        String previous = null;
        for (String row : rows) {
            String inside = row.substring(row.indexOf('|') + 1);
            if (!inside.equals(previous)) {
                curve.add(row);
            }
            previous = inside;
        }
        return curve;
    }

    /** Every row of every table and view, as text, to search for what must not be there. */
    public List<String> everything() {
        List<String> all = new ArrayList<>();
        for (String table : query("SELECT table_name FROM information_schema.tables WHERE table_schema = DATABASE()")) {
            all.addAll(query("SELECT * FROM `" + table + "`").stream().map(row -> table + ": " + row).toList());
        }
        return all;
    }

    public List<String> query(String sql) {
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

    private String text(Object value) {
        if (value instanceof Timestamp ts) {
            return ts.toLocalDateTime().toInstant(ZoneOffset.UTC).toString();
        }
        if (value instanceof java.time.LocalDateTime ldt) {
            return ldt.toInstant(ZoneOffset.UTC).toString();
        }
        if (value instanceof byte[] bytes) {
            return new String(bytes, java.nio.charset.StandardCharsets.UTF_8);
        }
        if (value instanceof Boolean b) {
            return b.toString();
        }
        return value == null ? "null" : day.name(value.toString());
    }
}

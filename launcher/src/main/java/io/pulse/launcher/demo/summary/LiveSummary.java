package io.pulse.launcher.demo.summary;

import io.pulse.jobs.storage.SqlTimes;
import io.pulse.jobs.storage.DatabaseConnections;
import io.pulse.jobs.storage.JdbcSettings;
import java.io.PrintStream;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Prints, every few seconds, what the jobs wrote to MySQL: device status and the alerts that
 * opened or resolved since the last print, each meter's latest 5-minute window, and from the
 * time-series store each meter's latest power. It reads the tables a dashboard reads, so what the
 * terminal shows is what the pipeline stored.
 */
public final class LiveSummary implements AutoCloseable {
    private static final String DEVICES = "SELECT s.device_id, d.name, s.online, s.health, s.open_alerts,"
            + " s.last_seen_at FROM device_status s LEFT JOIN devices d ON d.device_id = s.device_id"
            + " ORDER BY s.device_id";
    private static final String CHANGED_ALERTS = "SELECT device_id, type, severity, opened_at, resolved_at,"
            + " message FROM alerts WHERE opened_at > ? OR resolved_at > ? ORDER BY COALESCE(resolved_at,"
            + " opened_at)";

    private static final String LATEST_WINDOWS = "SELECT e.meter_id, e.window_start, e.energy_wh, e.avg_power_w,"
            + " e.coverage, e.samples FROM energy_5min e JOIN (SELECT meter_id, MAX(window_start) AS latest"
            + " FROM energy_5min GROUP BY meter_id) l ON l.meter_id = e.meter_id AND l.latest = e.window_start"
            + " ORDER BY e.meter_id";

    private static final String OCCUPANCY = "SELECT o.gate, o.inside FROM occupancy o JOIN (SELECT gate, MAX(at)"
            + " AS latest FROM occupancy GROUP BY gate) l ON l.gate = o.gate AND l.latest = o.at ORDER BY o.gate";
    private static final String RECENT = "SELECT at, direction, gate, roll_no FROM recent_activity ORDER BY at DESC LIMIT 3";

    private final JdbcSettings database;
    private final LatestPower power;
    private final PrintStream out;
    private final ScheduledExecutorService ticker;
    /** Alert rows are written at checkpoints, so changes are looked up by time, not by arrival. */
    private Instant since = Instant.EPOCH;
    private int failures;

    private LiveSummary(JdbcSettings database, String questDbUrl, PrintStream out) {
        this.database = database;
        this.power = new LatestPower(questDbUrl);
        this.out = out;
        this.ticker = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "pulse-demo-summary");
            t.setDaemon(true);
            return t;
        });
    }

    public static LiveSummary start(JdbcSettings database, String questDbUrl, Duration every, PrintStream out) {
        LiveSummary summary = new LiveSummary(database, questDbUrl, out);
        summary.ticker.scheduleWithFixedDelay(summary::print, every.toMillis(), every.toMillis(),
                TimeUnit.MILLISECONDS);
        return summary;
    }

    private void print() {
        try (Connection c = DatabaseConnections.open(database)) {
            List<DeviceLine> devices = devices(c);
            List<AlertLine> changes = changedAlerts(c, since);
            for (AlertLine a : changes) {
                Instant at = a.resolved() ? a.resolvedAt() : a.openedAt();
                since = at.isAfter(since) ? at : since;
            }
            out.print(SummaryFormat.format(Instant.now(), devices, changes, power.read(), meters(c), campus(c)));
            out.flush();
            failures = 0;
        } catch (Exception e) {
            if (failures++ == 0) {
                out.println("  (summary: cannot read the stores: " + DatabaseConnections.rootMessage(e) + ")");
            }
        }
    }

    private static List<DeviceLine> devices(Connection c) throws SQLException {
        List<DeviceLine> lines = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement(DEVICES); ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                lines.add(new DeviceLine(rs.getString(1), rs.getString(2), rs.getBoolean(3), rs.getInt(4),
                        rs.getInt(5), utc(rs, 6)));
            }
        }
        return lines;
    }

    private static List<MeterLine> meters(Connection c) throws SQLException {
        List<MeterLine> lines = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement(LATEST_WINDOWS); ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                double avg = rs.getDouble(4);
                lines.add(new MeterLine(rs.getString(1), utc(rs, 2), rs.getDouble(3), rs.wasNull() ? null : avg,
                        rs.getDouble(5), rs.getInt(6)));
            }
        }
        return lines;
    }

    private static CampusLine campus(Connection c) throws SQLException {
        Map<String, Integer> inside = new TreeMap<>();
        try (PreparedStatement s = c.prepareStatement(OCCUPANCY); ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                inside.put(rs.getString(1), rs.getInt(2));
            }
        }
        List<CampusLine.Crossing> recent = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement(RECENT); ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                recent.add(new CampusLine.Crossing(utc(rs, 1), rs.getString(2), rs.getString(3), rs.getString(4)));
            }
        }
        return new CampusLine(inside, recent);
    }

    private static List<AlertLine> changedAlerts(Connection c, Instant since) throws SQLException {
        List<AlertLine> lines = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement(CHANGED_ALERTS)) {
            s.setString(1, SqlTimes.utc(since)); // as text: the driver would drop the milliseconds
            s.setString(2, SqlTimes.utc(since));
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    Instant openedAt = utc(rs, 4);
                    Instant resolvedAt = utc(rs, 5);
                    // an alert that opened and resolved between two prints shows as resolved
                    if (resolvedAt != null && !resolvedAt.isAfter(since)) {
                        continue;
                    }
                    lines.add(new AlertLine(rs.getString(1), rs.getString(2), rs.getString(3), openedAt,
                            resolvedAt, rs.getString(6)));
                }
            }
        }
        return lines;
    }

    /** Stored times are UTC DATETIME(3). */
    private static Instant utc(ResultSet rs, int column) throws SQLException {
        LocalDateTime value = rs.getObject(column, LocalDateTime.class);
        return value == null ? null : value.toInstant(ZoneOffset.UTC);
    }

    @Override
    public void close() throws InterruptedException {
        ticker.shutdownNow();
        ticker.awaitTermination(5, TimeUnit.SECONDS);
    }
}

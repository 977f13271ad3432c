package io.pulse.launcher.demo.summary;

import io.pulse.jobs.storage.DatabaseConnections;
import io.pulse.jobs.storage.JdbcSettings;
import io.pulse.jobs.storage.SqlTimes;
import java.io.PrintStream;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Reads, every few seconds, what the jobs stored: the registered devices and their status, the
 * alerts that opened or resolved (the last {@value #ALERTS_KEPT} stay listed), each meter's power,
 * current and last closed 5-minute window, and the campus. It reads the tables a dashboard reads,
 * so what it shows is what the pipeline stored; {@link SummaryOutput} decides how it is shown.
 */
public final class LiveSummary implements AutoCloseable {
    static final int ALERTS_KEPT = 5;
    private static final String DEVICES = "SELECT d.device_id, d.name, d.location, s.online, s.health, s.open_alerts,"
            + " s.last_seen_at FROM devices d LEFT JOIN device_status s ON s.device_id = d.device_id ORDER BY d.device_id";
    private static final String CHANGED_ALERTS = "SELECT device_id, type, severity, opened_at, resolved_at,"
            + " message FROM alerts WHERE opened_at > ? OR resolved_at > ? ORDER BY COALESCE(resolved_at,"
            + " opened_at)";
    private static final String LATEST_WINDOWS = "SELECT e.meter_id, e.window_start, e.window_end, e.energy_wh,"
            + " e.avg_power_w, e.coverage, e.samples FROM energy_5min e JOIN (SELECT meter_id, MAX(window_start) AS latest"
            + " FROM energy_5min GROUP BY meter_id) l ON l.meter_id = e.meter_id AND l.latest = e.window_start"
            + " ORDER BY e.meter_id";
    private static final String OCCUPANCY = "SELECT o.gate, o.inside, o.at FROM occupancy o JOIN (SELECT gate, MAX(at)"
            + " AS latest FROM occupancy GROUP BY gate) l ON l.gate = o.gate AND l.latest = o.at ORDER BY o.gate";
    private static final String RECENT = "SELECT at, direction, gate, roll_no FROM recent_activity ORDER BY at DESC LIMIT 3";

    private final JdbcSettings database;
    private final LatestPower power;
    private final boolean meters;
    private final boolean campus;
    private final SummaryOutput output;
    private final PrintStream errors;
    private final ScheduledExecutorService ticker;
    private final Deque<AlertLine> alerts = new ArrayDeque<>();
    private volatile boolean closing;
    /** Alert rows are written at checkpoints, so changes are looked up by time, not by arrival. */
    private Instant since = Instant.EPOCH;
    private int failures;

    private LiveSummary(JdbcSettings database, String questDbUrl, boolean meters, boolean campus, SummaryOutput output,
                        PrintStream errors) {
        this.database = database;
        this.power = new LatestPower(questDbUrl);
        this.meters = meters;
        this.campus = campus;
        this.output = output;
        this.errors = errors;
        this.ticker = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "pulse-demo-summary");
            t.setDaemon(true);
            return t;
        });
    }

    /**
     * Shows the summary on {@code output} every {@code every}, the first time at once.
     *
     * @param meters   whether the energy job runs (its section shows)
     * @param campus   whether the movement job runs
     * @param problems where a store that cannot be read is reported (once, until it can again)
     */
    public static LiveSummary start(JdbcSettings database, String questDbUrl, boolean meters, boolean campus,
                                    Duration every, SummaryOutput output, PrintStream problems) {
        LiveSummary summary = new LiveSummary(database, questDbUrl, meters, campus, output, problems);
        summary.ticker.scheduleWithFixedDelay(summary::show, 0, every.toMillis(), TimeUnit.MILLISECONDS);
        return summary;
    }

    private void show() {
        try {
            Snapshot snapshot = read(Instant.now());
            if (!closing) {
                output.show(snapshot);
            }
            failures = 0;
        } catch (Exception e) {
            if (failures++ == 0 && !closing) {
                errors.println("  (summary: cannot read the stores: " + DatabaseConnections.rootMessage(e) + ")");
                errors.flush();
            }
        }
    }

    Snapshot read(Instant now) throws Exception {
        try (Connection c = DatabaseConnections.open(database)) {
            List<DeviceLine> devices = devices(c);
            for (AlertLine a : changedAlerts(c, since)) {
                since = a.at().isAfter(since) ? a.at() : since;
                alerts.addFirst(a);
                while (alerts.size() > ALERTS_KEPT) {
                    alerts.removeLast();
                }
            }
            return new Snapshot(now, devices, List.copyOf(alerts), meters ? meters(c, now) : null,
                    campus ? campus(c) : null);
        }
    }

    private static List<DeviceLine> devices(Connection c) throws SQLException {
        List<DeviceLine> lines = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement(DEVICES); ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                Instant lastSeen = utc(rs, 7);
                lines.add(lastSeen == null ? DeviceLine.waiting(rs.getString(1), rs.getString(2), rs.getString(3))
                        : DeviceLine.reporting(rs.getString(1), rs.getString(2), rs.getString(3), rs.getBoolean(4),
                        rs.getInt(5), rs.getInt(6), lastSeen));
            }
        }
        return lines;
    }

    private List<MeterLine> meters(Connection c, Instant now) throws Exception {
        Map<String, MeterLine.Window> closed = new TreeMap<>();
        try (PreparedStatement s = c.prepareStatement(LATEST_WINDOWS); ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                double avg = rs.getDouble(5);
                closed.put(rs.getString(1), new MeterLine.Window(utc(rs, 2), utc(rs, 3), rs.getDouble(4),
                        rs.wasNull() ? null : avg, rs.getDouble(6), rs.getInt(7)));
            }
        }
        Instant windowStart = Instant.ofEpochMilli(Math.floorDiv(now.toEpochMilli(), LatestPower.WINDOW_MS)
                * LatestPower.WINDOW_MS);
        Map<String, List<LatestPower.Reading>> readings = power.since(windowStart);
        List<MeterLine> lines = new ArrayList<>();
        for (String meter : union(closed.keySet(), readings.keySet())) {
            List<LatestPower.Reading> r = readings.getOrDefault(meter, List.of());
            LatestPower.Reading last = r.isEmpty() ? null : r.get(r.size() - 1);
            lines.add(new MeterLine(meter, last == null ? null : last.powerW(), last == null ? null : last.at(),
                    LatestPower.window(windowStart, r), closed.get(meter)));
        }
        return lines;
    }

    private static List<String> union(Set<String> a, Set<String> b) {
        TreeSet<String> all = new TreeSet<>(a);
        all.addAll(b);
        return List.copyOf(all);
    }

    private static CampusLine campus(Connection c) throws SQLException {
        Map<String, Integer> inside = new TreeMap<>();
        Instant asOf = null;
        try (PreparedStatement s = c.prepareStatement(OCCUPANCY); ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                inside.put(rs.getString(1), rs.getInt(2));
                Instant at = utc(rs, 3);
                asOf = asOf == null || at.isAfter(asOf) ? at : asOf;
            }
        }
        List<CampusLine.Crossing> recent = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement(RECENT); ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                recent.add(new CampusLine.Crossing(utc(rs, 1), rs.getString(2), rs.getString(3), rs.getString(4)));
            }
        }
        return new CampusLine(inside, asOf, recent);
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
                    String deviceId = rs.getString(1);
                    String type = rs.getString(2);
                    String severity = rs.getString(3);
                    String message = rs.getString(6);
                    // an alert that opened and resolved between two reads shows both lines
                    if (openedAt.isAfter(since)) {
                        lines.add(new AlertLine(deviceId, type, severity, openedAt, null, message));
                    }
                    if (resolvedAt != null && resolvedAt.isAfter(since)) {
                        lines.add(new AlertLine(deviceId, type, severity, openedAt, resolvedAt, message));
                    }
                }
            }
        }
        lines.sort(Comparator.comparing(AlertLine::at));
        return lines;
    }

    /** Stored times are UTC DATETIME(3). */
    private static Instant utc(ResultSet rs, int column) throws SQLException {
        LocalDateTime value = rs.getObject(column, LocalDateTime.class);
        return value == null ? null : value.toInstant(ZoneOffset.UTC);
    }

    @Override
    public void close() throws InterruptedException {
        closing = true;
        ticker.shutdownNow();
        ticker.awaitTermination(5, TimeUnit.SECONDS);
    }
}

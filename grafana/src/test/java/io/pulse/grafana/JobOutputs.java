package io.pulse.grafana;

import io.pulse.jobs.storage.JdbcSettings;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * What the jobs of a {@link PulseRun} have written to MySQL and InfluxDB: counts, waits for the
 * state the script implies, and a summary of the tables for a failure message.
 */
final class JobOutputs {

    private static final Logger LOG = LoggerFactory.getLogger(JobOutputs.class);
    private static final Duration TIMEOUT = Duration.ofSeconds(120);

    private final JdbcSettings jdbc;
    private final InfluxV1Server influx;

    JobOutputs(JdbcSettings jdbc, InfluxV1Server influx) {
        this.jdbc = jdbc;
        this.influx = influx;
    }

    /**
     * Waits until every job has written what the script implies: the last rows each produces and
     * its time series in InfluxDB.
     */
    void awaitScriptProcessed() throws Exception {
        await("movement: visits, anomalies and hourly traffic", () ->
                count("SELECT COUNT(*) FROM visits") == ScriptedGates.VISITS
                        && count("SELECT COUNT(*) FROM visits WHERE exited_at IS NULL AND NOT exit_unseen") == ScriptedGates.OPEN_VISITS
                        && count("SELECT COUNT(*) FROM movement_anomalies") == 3
                        && count("SELECT COUNT(*) FROM gate_traffic_hourly WHERE hour_start = '2026-11-21 11:00:00' AND gate = 'main'"
                                + " AND randomized_sightings = 1") == 1);
        await("energy: the daily totals", () ->
                count("SELECT COUNT(*) FROM energy_daily WHERE day = '2026-11-21' AND meter_id = '*' AND ABS(energy_wh - "
                        + ScriptedMeters.SATURDAY_WH + ") < 1e-6") == 1
                        && count("SELECT COUNT(*) FROM energy_daily WHERE day = '2026-11-20' AND meter_id = '*'") == 1);
        await("telemetry: the five alerts and the statuses", () ->
                count("SELECT COUNT(*) FROM alerts") == ScriptedDevices.alerts().size()
                        && count("SELECT COUNT(*) FROM alerts WHERE type = 'OFFLINE'") == 1
                        && count("SELECT COUNT(*) FROM device_status WHERE last_seen_at = '"
                                + sqlTime(ScriptedDevices.LAST_SCORED) + "'") == 1
                        && count("SELECT COUNT(*) FROM device_status WHERE NOT online") == 1);
        await("InfluxDB: the last point of each job's series", () ->
                has("SELECT last(\"power_w\") FROM \"meter\" WHERE \"meter\" = 'M3'", ScriptedClock.saturday("11:58:00"))
                        && has("SELECT last(\"inside\") FROM \"occupancy\" WHERE \"gate\" = '*'", null)
                        && has("SELECT last(\"randomized_sightings\") FROM \"gate_traffic\"", null)
                        && has("SELECT last(\"temperature\") FROM \"telemetry\" WHERE \"device\" = 'gateway-00'", ScriptedDevices.LAST_SENT)
                        && has("SELECT last(\"health\") FROM \"device_health\"", null));
    }

    private boolean has(String influxQl, Instant time) {
        List<InfluxResult.Series> series = influx.query(influxQl).series();
        if (series.isEmpty()) {
            return false;
        }
        return time == null || ((Number) series.get(0).values().get(0).get(0)).longValue() == time.toEpochMilli();
    }

    private static String sqlTime(Instant t) {
        return t.toString().replace('T', ' ').replace("Z", "");
    }

    long count(String sql) {
        try (Connection c = DriverManager.getConnection(jdbc.url(), jdbc.user(), jdbc.password());
             Statement s = c.createStatement(); ResultSet r = s.executeQuery(sql)) {
            r.next();
            return r.getLong(1);
        } catch (Exception e) {
            throw new IllegalStateException(sql, e);
        }
    }

    interface Check {
        boolean holds() throws Exception;
    }

    void await(String what, Check check) throws Exception {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (!check.holds()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not reached within " + TIMEOUT.toSeconds() + " s: " + what + "\n" + diagnosis());
            }
            Thread.sleep(200);
        }
        LOG.info("settled: {}", what);
    }

    /** What the jobs have written so far, for a failure message. */
    private String diagnosis() {
        StringBuilder out = new StringBuilder();
        for (String sql : List.of(
                "SELECT CONCAT_WS('|', device_id, type, severity, opened_at, COALESCE(resolved_at, 'open')) FROM alerts ORDER BY device_id",
                "SELECT CONCAT_WS('|', device_id, last_seen_at, online, health, open_alerts) FROM device_status ORDER BY device_id",
                "SELECT CONCAT_WS('|', job, topic, reason) FROM rejected_messages",
                "SELECT CONCAT_WS('|', meter_id, day, energy_wh) FROM energy_daily",
                "SELECT CONCAT_WS('|', COUNT(*), SUM(exited_at IS NULL AND NOT exit_unseen)) FROM visits",
                "SELECT CONCAT_WS('|', kind, at) FROM movement_anomalies")) {
            try (Connection c = DriverManager.getConnection(jdbc.url(), jdbc.user(), jdbc.password());
                 Statement s = c.createStatement(); ResultSet r = s.executeQuery(sql)) {
                out.append(sql).append('\n');
                while (r.next()) {
                    out.append("  ").append(r.getString(1)).append('\n');
                }
            } catch (Exception e) {
                out.append("  (").append(e.getMessage()).append(")\n");
            }
        }
        return out.toString();
    }

}

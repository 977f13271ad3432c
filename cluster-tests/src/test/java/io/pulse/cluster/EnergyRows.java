package io.pulse.cluster;

import io.pulse.jobs.energy.EnergyScenario;
import io.pulse.jobs.storage.DatabaseConnections;
import io.pulse.jobs.storage.JdbcSettings;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The energy job's scripted meters ({@link EnergyScenario}) published, and its energy_5min rows read back in the scenario's format. */
final class EnergyRows {

    static final String PROBE_REASON = "power must be a number, got string";

    private EnergyRows() {}

    /** On a quarter hour, with the scenario's 25 minutes inside one UTC day (as EnergyJobITCase). */
    static Instant base(Instant from) {
        Instant base = from.truncatedTo(ChronoUnit.HOURS).plus(from.atZone(ZoneOffset.UTC).getMinute() / 15 * 15L, ChronoUnit.MINUTES);
        boolean crossesMidnight = !base.truncatedTo(ChronoUnit.DAYS).equals(base.plusSeconds(1500).truncatedTo(ChronoUnit.DAYS));
        return crossesMidnight ? base.minus(1, ChronoUnit.HOURS) : base;
    }

    static void publish(MqttPublisher device, List<EnergyScenario.Publish> readings, Instant base) {
        for (EnergyScenario.Publish p : readings) {
            device.publish("energy/meters/" + p.meter() + "/readings", EnergyScenario.json(p, base));
        }
    }

    /** A refused reading until its rejection is stored: the job's only MQTT session has subscribed. */
    static void awaitSubscribed(MqttPublisher device, JdbcSettings jdbc, String meter) throws InterruptedException {
        for (int i = 0; !Sql.rows(jdbc, "SELECT reason FROM rejected_messages").contains(PROBE_REASON); i++) {
            if (i > 1200) {
                throw new AssertionError("the energy job did not subscribe within 120 s");
            }
            device.publish("energy/meters/" + meter + "/readings", "{\"meterId\":\"" + meter + "\",\"ts\":1,\"power\":\"a lot\"}");
            Thread.sleep(100);
        }
    }

    /** Window rows of meters starting with prefix, for windows 0..3, in EnergyScenario's format. */
    static Map<String, String> windows(JdbcSettings jdbc, String prefix, Instant base) {
        Map<String, String> rows = new TreeMap<>();
        String sql = "SELECT meter_id, window_start, window_end, energy_wh, avg_power_w, min_power_w, max_power_w, samples, coverage"
                + " FROM energy_5min WHERE meter_id LIKE '" + prefix + "%' AND meter_id <> '" + prefix + "bad'";
        try (Connection c = DatabaseConnections.open(jdbc); Statement s = c.createStatement(); ResultSet r = s.executeQuery(sql)) {
            while (r.next()) {
                long offset = Duration.between(base, r.getObject(2, LocalDateTime.class).toInstant(ZoneOffset.UTC)).toSeconds();
                long length = Duration.between(r.getObject(2, LocalDateTime.class), r.getObject(3, LocalDateTime.class)).toSeconds();
                if (offset < EnergyScenario.CHECKED_SECONDS && length == 300) {
                    Double avg = r.getObject(5) == null ? null : r.getDouble(5);
                    rows.put(r.getString(1) + "@" + offset, EnergyScenario.row(r.getDouble(4), avg, r.getDouble(6),
                            r.getDouble(7), r.getInt(8), r.getDouble(9)));
                }
            }
        } catch (Exception notYet) {
            return Map.of();
        }
        return rows;
    }
}

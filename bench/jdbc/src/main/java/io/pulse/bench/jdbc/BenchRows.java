package io.pulse.bench.jdbc;

import io.pulse.jobs.storage.UpsertTable;

import org.apache.flink.connector.datagen.source.GeneratorFunction;

import java.io.Serializable;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/**
 * The workload both sides write: row i of {@code energy_5min} (schema V1, 11 columns, key
 * (meter_id, window_start)) is meter {@code i % 1000} in 5-minute window {@code i / 1000}, as the
 * energy job would emit them: every meter of one window, then the next window. A few columns are
 * NULL now and then. All keys are distinct, so on a truncated table every upsert is an insert.
 */
final class BenchRows {

    static final String TABLE_NAME = "energy_5min";
    private static final int METERS = 1_000;
    private static final long WINDOW_MS = 300_000;
    private static final Instant BASE = Instant.parse("2026-03-02T00:00:00Z");

    private BenchRows() {}

    /** One row of energy_5min, as a job's window function would produce it. */
    record Energy5Min(String meterId, Instant windowStart, Instant windowEnd, double energyWh, Double avgPowerW,
                      Double minPowerW, Double maxPowerW, Double avgVoltageV, Double avgCurrentA, int samples,
                      double coverage) implements Serializable {}

    /** The sink's table declaration: what a Pulse job writes with. */
    static final UpsertTable<Energy5Min> TABLE = UpsertTable.<Energy5Min>into(TABLE_NAME)
            .key("meter_id", Energy5Min::meterId)
            .key("window_start", Energy5Min::windowStart)
            .column("window_end", Energy5Min::windowEnd)
            .column("energy_wh", Energy5Min::energyWh)
            .column("avg_power_w", Energy5Min::avgPowerW)
            .column("min_power_w", Energy5Min::minPowerW)
            .column("max_power_w", Energy5Min::maxPowerW)
            .column("avg_voltage_v", Energy5Min::avgVoltageV)
            .column("avg_current_a", Energy5Min::avgCurrentA)
            .column("samples", Energy5Min::samples)
            .column("coverage", Energy5Min::coverage)
            .build();

    static Energy5Min row(long i) {
        Instant start = BASE.plusMillis((i / METERS) * WINDOW_MS);
        int samples = 300 - (int) (i % 7);
        boolean idle = i % 50 == 0;                  // nothing integrated: the power columns are NULL
        double power = 200 + (i % 997) * 0.75;
        return new Energy5Min(String.format("meter-%04d", i % METERS), start, start.plusMillis(WINDOW_MS),
                idle ? 0 : power * 300 / 3600, idle ? null : power, idle ? null : power * 0.8, idle ? null : power * 1.3,
                i % 10 == 0 ? null : 229.5 + (i % 11) * 0.1, i % 10 == 0 ? null : power / 230, samples, samples / 300.0);
    }

    /** The source's generator for the Flink side. */
    static final class Generator implements GeneratorFunction<Long, Energy5Min> {
        private static final long serialVersionUID = 1L;

        @Override
        public Energy5Min map(Long i) {
            return row(i);
        }
    }

    /**
     * What a hand-written writer does: typed setters in column order, no per-column lambda, no
     * boxing decisions. Same column order as {@code TABLE.sql()}.
     */
    static void bindPlain(PreparedStatement s, Energy5Min r) throws SQLException {
        s.setString(1, r.meterId());
        s.setObject(2, LocalDateTime.ofInstant(r.windowStart(), ZoneOffset.UTC));
        s.setObject(3, LocalDateTime.ofInstant(r.windowEnd(), ZoneOffset.UTC));
        s.setDouble(4, r.energyWh());
        setDouble(s, 5, r.avgPowerW());
        setDouble(s, 6, r.minPowerW());
        setDouble(s, 7, r.maxPowerW());
        setDouble(s, 8, r.avgVoltageV());
        setDouble(s, 9, r.avgCurrentA());
        s.setInt(10, r.samples());
        s.setDouble(11, r.coverage());
    }

    private static void setDouble(PreparedStatement s, int index, Double value) throws SQLException {
        if (value == null) {
            s.setNull(index, Types.DOUBLE);
        } else {
            s.setDouble(index, value);
        }
    }

    static void truncate(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("TRUNCATE TABLE " + TABLE_NAME);
        }
    }

    /**
     * The table's content in one line, row count and an order-independent checksum of every
     * column: equal after every round of either side, or the two did not write the same rows.
     */
    static String fingerprint(Connection c) throws SQLException {
        String columns = "meter_id, window_start, window_end, energy_wh, IFNULL(avg_power_w, 'null'), "
                + "IFNULL(min_power_w, 'null'), IFNULL(max_power_w, 'null'), IFNULL(avg_voltage_v, 'null'), "
                + "IFNULL(avg_current_a, 'null'), samples, coverage";
        try (Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SELECT COUNT(*), BIT_XOR(CRC32(CONCAT_WS('|', " + columns + "))), "
                     + "SUM(CRC32(CONCAT_WS('|', " + columns + "))) FROM " + TABLE_NAME)) {
            r.next();
            return r.getLong(1) + " rows, checksum " + Long.toHexString(r.getLong(2)) + "/" + r.getString(3);
        }
    }

    static long count(String fingerprint) {
        return Long.parseLong(fingerprint.substring(0, fingerprint.indexOf(' ')));
    }
}

package io.pulse.bench;

import io.pulse.jobs.storage.DatabaseConnections;
import io.pulse.jobs.storage.JdbcSettings;
import io.pulse.jobs.storage.SchemaMigrator;
import io.pulse.testservers.MariaDbServer;

import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A job benchmark's rounds with the real MySQL sinks: a private MariaDB of the test kit, schema by
 * SchemaMigrator, one warm-up round and {@code rounds} measured ones, the tables emptied before
 * each and counted after it. The CPU other processes used excludes the MariaDB server.
 */
public final class RealSinkRounds {

    /** Adds the job, writing into {@code jdbc}, to a fresh environment (checkpointing already on). */
    @FunctionalInterface
    public interface JobBuilder {
        void build(StreamExecutionEnvironment env, JdbcSettings jdbc) throws Exception;
    }

    /** Rates and other processes' cores of the measured rounds, rows per table after the last round, MariaDB's version. */
    public record Result(List<Double> rates, List<Double> othersCores, Map<String, Long> rows, String version) {}

    private RealSinkRounds() {}

    public static Result run(List<String> tables, int rounds, int parallelism, long checkpointMs, long records,
                             String unit, String jobName, JobBuilder builder) throws Exception {
        List<Double> rates = new ArrayList<>();
        List<Double> others = new ArrayList<>();
        Map<String, Long> rows = new LinkedHashMap<>();
        String version;
        try (MariaDbServer db = MariaDbServer.create()) {
            db.start();
            JdbcSettings jdbc = JdbcSettings.of(db.createDatabase("bench"), db.user(), db.password());
            System.out.println("MariaDB at " + jdbc + ": " + SchemaMigrator.migrate(jdbc));
            try (Connection admin = DatabaseConnections.open(jdbc)) {
                version = scalar(admin, "SELECT VERSION()");
                for (int round = 0; round <= rounds; round++) {
                    for (String table : tables) {
                        try (Statement st = admin.createStatement()) {
                            st.execute("DELETE FROM " + table);
                        }
                    }
                    CpuShare start = CpuShare.now(db.directory().toString());
                    CountingSink.reset();
                    StreamExecutionEnvironment env = LocalFlink.environment(parallelism);
                    env.enableCheckpointing(checkpointMs);
                    builder.build(env, jdbc);
                    double seconds = env.execute(jobName).getNetRuntime(TimeUnit.MILLISECONDS) / 1_000.0;
                    double rate = records / seconds;
                    double o = start.othersSince();
                    for (String table : tables) {
                        rows.put(table, Long.parseLong(scalar(admin, "SELECT COUNT(*) FROM " + table)));
                    }
                    System.out.printf("%s with real sinks: %,.0f %s/s, rows %s (other processes: %.2f cores)%n",
                            round == 0 ? "warm-up" : "round " + round, rate, unit, rows, o);
                    if (round > 0) {
                        rates.add(rate);
                        others.add(o);
                    }
                }
            }
        }
        return new Result(rates, others, rows, version);
    }

    private static String scalar(Connection c, String sql) throws Exception {
        try (Statement st = c.createStatement(); ResultSet r = st.executeQuery(sql)) {
            r.next();
            return r.getString(1);
        }
    }
}

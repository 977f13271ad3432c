package io.pulse.bench.movement;

import io.pulse.bench.CountingSink;
import io.pulse.bench.CheckpointSize;
import io.pulse.bench.CpuShare;
import io.pulse.bench.LocalFlink;
import io.pulse.bench.Machine;
import io.pulse.bench.Markdown;
import io.pulse.bench.Stats;
import io.pulse.jobs.storage.DatabaseConnections;
import io.pulse.jobs.storage.JdbcSettings;
import io.pulse.jobs.storage.SchemaMigrator;
import io.pulse.testservers.MariaDbServer;

import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Sightings per second through the movement job's operators on a local MiniCluster, fed by the
 * deterministic {@link Schedule}, side by side with the ceiling of the harness and the parse step
 * alone; then the job with real MySQL sinks; then the checkpointed state per person inside and
 * per person who left (N and 2N people, the growth over N).
 */
public final class MovementJobBenchmark {

    static final String COMMAND = "mvn -B -q -o install -DskipTests -pl jobs -am && cd bench/common && mvn -B -q -o install"
            + " && cd ../movement && mvn -q -o compile exec:exec";
    static final double GOAL_RATE = 150_000;
    static final long GOAL_STATE = 1_024;
    static final int PER_SECOND = 500;
    static final int REAL_SINK_ROUNDS = 2;
    static final List<String> TABLES = List.of("visits", "movement_events", "movement_anomalies", "occupancy", "gate_traffic_hourly");

    enum Side {
        JOB("(a) movement job, sinks discarding"),
        HARNESS("(b) ceiling: generator → discarding sink, no processing"),
        PARSE("(c) parse step alone: JSON with raw MAC → ParseStep(SightingParser), HMAC included → discarding");

        final String label;

        Side(String label) {
            this.label = label;
        }
    }

    record Settings(int people, long sightings, int rounds, int parallelism, long sinkSightings, int statePeople, long checkpointMs) {}

    record RealSinks(List<Double> rates, List<Double> othersCores, Map<String, Long> rows, String version) {}

    private MovementJobBenchmark() {}

    public static void main(String[] args) throws Exception {
        Settings s = new Settings(Integer.getInteger("people", 10_000), Long.getLong("sightings", 1_000_000L),
                Integer.getInteger("rounds", 3), Integer.getInteger("parallelism", 2), Long.getLong("sinkSightings", 200_000L),
                Integer.getInteger("statePeople", 5_000), Long.getLong("checkpointMs", 1_000L));
        Path out = Path.of(System.getProperty("out", "../results/movement-job.md"));
        String loadAtStart = Machine.loadAverage(3);

        Map<Side, List<Double>> measured = new EnumMap<>(Side.class);
        for (Side side : Side.values()) {
            measured.put(side, new ArrayList<>());
        }
        List<Double> othersCores = new ArrayList<>();
        List<Map<String, Long>> jobOutputs = new ArrayList<>();
        Side[] sides = Side.values();
        for (int round = 0; round <= s.rounds(); round++) {
            StringBuilder line = new StringBuilder(round == 0 ? "warm-up" : "round " + round).append(':');
            CpuShare roundStart = CpuShare.now();
            for (int k = 0; k < sides.length; k++) {
                Side side = sides[(round + k) % sides.length];
                CountingSink.reset();
                Attempts.HIGHEST.set(0);
                StreamExecutionEnvironment env = LocalFlink.environment(s.parallelism());
                env.enableCheckpointing(s.checkpointMs());
                switch (side) {
                    case JOB -> Pipeline.job(env, Pipeline.sightings(env, new BenchSightings.Parsed(s.people(), PER_SECOND), s.sightings()), null);
                    case HARNESS -> Pipeline.harnessOnly(env, s.people(), PER_SECOND, s.sightings());
                    case PARSE -> Pipeline.parseOnly(env, s.people(), PER_SECOND, s.sightings());
                }
                double seconds = env.execute("movement-bench " + side).getNetRuntime(TimeUnit.MILLISECONDS) / 1_000.0;
                Map<String, Long> counts = CountingSink.counts();
                check(side, counts, s.sightings());
                if (side == Side.JOB) {
                    jobOutputs.add(counts);
                    System.out.println("job outputs: " + counts + (Attempts.HIGHEST.get() > 0
                            ? " (RESTARTED: attempt " + Attempts.HIGHEST.get() + ", replayed records counted twice)" : ""));
                }
                double rate = s.sightings() / seconds;
                if (round > 0) {
                    measured.get(side).add(rate);
                }
                line.append(String.format("  %s %,.0f sightings/s", side, rate));
            }
            double others = roundStart.othersSince();
            line.append(String.format("  (other processes: %.2f cores)", others));
            if (round > 0) {
                othersCores.add(others);
            }
            System.out.println(line);
        }

        RealSinks real = realSinks(s);

        Map<String, CheckpointSize.Checkpoint> state = new LinkedHashMap<>();
        for (boolean leave : new boolean[] {false, true}) {
            for (int n : new int[] {s.statePeople(), 2 * s.statePeople()}) {
                CheckpointSize.Checkpoint c = StateSize.measure(n, leave, s.parallelism(), s.checkpointMs());
                state.put((leave ? "left " : "inside ") + n, c);
                System.out.printf("checkpoint with %,d people %s: %,d bytes%n", n, leave ? "who left" : "inside", c.bytes());
            }
        }

        String machine = Machine.describe(
                List.of("load average (1/5/15 min): " + loadAtStart + " at the start, " + Machine.loadAverage(3) + " at the end"),
                List.of("Flink: " + LocalFlink.version() + " (local MiniCluster in the benchmark's JVM, parallelism " + s.parallelism() + ")",
                        "MariaDB (real-sink rounds): " + real.version() + ", started by `MariaDbServer` of pulse-test-servers",
                        "job under test: " + jobSource()));
        Markdown.printAndWrite(Report.markdown(s, measured, othersCores, jobOutputs, real, state, machine), out);
    }

    /** Every side must have seen every sighting, or the round measured something else. */
    private static void check(Side side, Map<String, Long> counts, long sightings) {
        switch (side) {
            case HARNESS -> require(counts.getOrDefault("harness: sightings", 0L) == sightings, side, counts);
            case PARSE -> require(counts.getOrDefault("parse: sightings", 0L) == sightings, side, counts);
            case JOB -> require(counts.getOrDefault("mysql: movement_events", 0L) > sightings / 20
                    && counts.getOrDefault("mysql: rejected_messages", 0L) == 0, side, counts);
        }
    }

    private static void require(boolean ok, Side side, Map<String, Long> counts) {
        if (!ok) {
            throw new IllegalStateException(side + " delivered " + counts);
        }
    }

    private static RealSinks realSinks(Settings s) throws Exception {
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
                for (int round = 0; round <= REAL_SINK_ROUNDS; round++) {
                    for (String table : TABLES) {
                        try (Statement st = admin.createStatement()) {
                            st.execute("DELETE FROM " + table);
                        }
                    }
                    CpuShare start = CpuShare.now(db.directory().toString());
                    StreamExecutionEnvironment env = LocalFlink.environment(s.parallelism());
                    env.enableCheckpointing(s.checkpointMs());
                    Pipeline.job(env, Pipeline.sightings(env, new BenchSightings.Parsed(s.people(), PER_SECOND), s.sinkSightings()), jdbc);
                    double seconds = env.execute("movement-bench real sinks").getNetRuntime(TimeUnit.MILLISECONDS) / 1_000.0;
                    double rate = s.sinkSightings() / seconds;
                    double o = start.othersSince();
                    for (String table : TABLES) {
                        rows.put(table, Long.parseLong(scalar(admin, "SELECT COUNT(*) FROM " + table)));
                    }
                    System.out.printf("%s with real sinks: %,.0f sightings/s, rows %s (other processes: %.2f cores)%n",
                            round == 0 ? "warm-up" : "round " + round, rate, rows, o);
                    if (round > 0) {
                        rates.add(rate);
                        others.add(o);
                    }
                }
            }
        }
        return new RealSinks(rates, others, rows, version);
    }

    private static String scalar(Connection c, String sql) throws Exception {
        try (Statement st = c.createStatement(); ResultSet r = st.executeQuery(sql)) {
            r.next();
            return r.getString(1);
        }
    }

    private static String jobSource() {
        String dir = "jobs/src/main/java/io/pulse/jobs/movement";
        String commit = Machine.commandOutput("git", "-C", "../..", "log", "-1", "--format=%h %s", "--", dir);
        if (commit.isEmpty()) {
            return "pulse-jobs from the local Maven repository (source commit unknown)";
        }
        String changes = Machine.commandOutput("git", "-C", "../..", "status", "--porcelain", "--", "jobs/src/main");
        return "pulse-jobs installed from `" + dir + "` at commit " + commit
                + (changes.isEmpty() ? "" : " (with uncommitted changes in jobs/src/main)");
    }

    static Stats stats(List<Double> values) {
        return Stats.of(values);
    }
}

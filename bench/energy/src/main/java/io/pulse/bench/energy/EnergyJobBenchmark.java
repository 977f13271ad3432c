package io.pulse.bench.energy;

import io.pulse.bench.CountingSink;
import io.pulse.bench.CheckpointSize;
import io.pulse.bench.CpuShare;
import io.pulse.bench.LocalFlink;
import io.pulse.bench.Machine;
import io.pulse.bench.Markdown;
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
 * Readings per second through the energy job's operators on a local MiniCluster, fed by a
 * deterministic generator ({@link BenchMeters}), side by side with the baseline of the same
 * generator into a discarding sink: one warm-up round of each, then {@code rounds} measured rounds,
 * the sides taking turns. Then the job with the real MySQL sinks (UpsertSink into a MariaDB of the
 * test kit), and the checkpointed state per meter (N and 2N meters, the difference over N).
 *
 * <p>Settings (system properties, from the pom's bench.* properties): meters (1,000), readings per
 * round (1,000,000), rounds (3), parallelism (2), sinkReadings (200,000), stateSeconds (600),
 * checkpointMs (1,000), out (../results/energy-job.md).
 */
public final class EnergyJobBenchmark {

    static final String COMMAND = "mvn -B -q -o install -DskipTests -pl jobs -am && cd bench/common && mvn -B -q -o install"
            + " && cd ../energy && mvn -q -o compile exec:exec";
    static final double GOAL_RATE = 200_000;
    static final int REAL_SINK_ROUNDS = 2;
    static final List<String> TABLES = List.of("energy_5min", "energy_daily", "rejected_messages");

    enum Side {
        JOB("(a) energy job, sinks discarding"),
        HARNESS("(b) baseline: generator → discarding sink, no job logic");

        final String label;

        Side(String label) {
            this.label = label;
        }
    }

    record Settings(int meters, long readings, int rounds, int parallelism, long sinkReadings, long stateSeconds,
                    long checkpointMs) {}

    record RealSinks(List<Double> rates, List<Double> othersCores, Map<String, Long> rows, long readings, String version) {}

    private EnergyJobBenchmark() {}

    public static void main(String[] args) throws Exception {
        Settings s = new Settings(Integer.getInteger("meters", 1_000), Long.getLong("readings", 1_000_000L),
                Integer.getInteger("rounds", 3), Integer.getInteger("parallelism", 2),
                Long.getLong("sinkReadings", 200_000L), Long.getLong("stateSeconds", 600L),
                Long.getLong("checkpointMs", 1_000L));
        Path out = Path.of(System.getProperty("out", "../results/energy-job.md"));
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
                StreamExecutionEnvironment env = LocalFlink.environment(s.parallelism());
                env.enableCheckpointing(s.checkpointMs());
                if (side == Side.JOB) {
                    Pipeline.job(env, Pipeline.readings(env, new BenchMeters.Readings(s.meters()), s.readings()), null);
                } else {
                    Pipeline.harnessOnly(env, s.meters(), s.readings());
                }
                double seconds = env.execute("energy-bench " + side).getNetRuntime(TimeUnit.MILLISECONDS) / 1_000.0;
                Map<String, Long> counts = CountingSink.counts();
                check(side, counts, s);
                if (side == Side.JOB) {
                    jobOutputs.add(counts);
                    System.out.println("job outputs: " + counts);
                }
                double rate = s.readings() / seconds;
                if (round > 0) {
                    measured.get(side).add(rate);
                }
                line.append(String.format("  %s %,.0f readings/s", side, rate));
            }
            double others = roundStart.othersSince();
            line.append(String.format("  (other processes: %.2f cores)", others));
            if (round > 0) {
                othersCores.add(others);
            }
            System.out.println(line);
        }

        RealSinks real = realSinks(s);
        CheckpointSize.Checkpoint small = StateSize.measure(s.meters(), s.stateSeconds(), s.parallelism(), s.checkpointMs());
        CheckpointSize.Checkpoint large = StateSize.measure(2 * s.meters(), s.stateSeconds(), s.parallelism(), s.checkpointMs());
        System.out.printf("checkpoint: %,d bytes at %,d meters, %,d bytes at %,d meters%n",
                small.bytes(), s.meters(), large.bytes(), 2 * s.meters());

        String machine = Machine.describe(
                List.of("load average (1/5/15 min): " + loadAtStart + " at the start, " + Machine.loadAverage(3) + " at the end"),
                List.of("Flink: " + LocalFlink.version() + " (local MiniCluster in the benchmark's JVM, parallelism "
                                + s.parallelism() + ")",
                        "MariaDB (real-sink rounds): " + real.version() + ", started by `MariaDbServer` of pulse-test-servers",
                        "job under test: " + jobSource()));
        Markdown.printAndWrite(Report.markdown(s, measured, othersCores, jobOutputs, real, small, large, machine), out);
    }

    /** Every reading must be accounted for (accepted, late, or a dropped repeat), or the round measured something else. */
    private static void check(Side side, Map<String, Long> counts, Settings s) {
        if (side == Side.HARNESS) {
            if (counts.getOrDefault("harness: readings", 0L) != s.readings()) {
                throw new IllegalStateException("the harness delivered " + counts + ", expected " + s.readings());
            }
            return;
        }
        long accepted = counts.getOrDefault(Pipeline.POINTS, 0L);
        long late = counts.getOrDefault(Pipeline.REJECTED, 0L);
        if (accepted < s.readings() * 0.99 || accepted + late > s.readings() || counts.getOrDefault(Pipeline.WINDOWS, 0L) == 0) {
            throw new IllegalStateException("the job accepted " + accepted + " and rejected " + late + " of " + s.readings()
                    + ": " + counts);
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
                    CountingSink.reset();
                    StreamExecutionEnvironment env = LocalFlink.environment(s.parallelism());
                    env.enableCheckpointing(s.checkpointMs());
                    Pipeline.job(env, Pipeline.readings(env, new BenchMeters.Readings(s.meters()), s.sinkReadings()), jdbc);
                    double seconds = env.execute("energy-bench real sinks").getNetRuntime(TimeUnit.MILLISECONDS) / 1_000.0;
                    double rate = s.sinkReadings() / seconds;
                    double o = start.othersSince();
                    for (String table : TABLES) {
                        rows.put(table, Long.parseLong(scalar(admin, "SELECT COUNT(*) FROM " + table)));
                    }
                    System.out.printf("%s with real sinks: %,.0f readings/s, rows %s (other processes: %.2f cores)%n",
                            round == 0 ? "warm-up" : "round " + round, rate, rows, o);
                    if (round > 0) {
                        rates.add(rate);
                        others.add(o);
                    }
                }
            }
        }
        return new RealSinks(rates, others, rows, s.sinkReadings(), version);
    }

    private static String scalar(Connection c, String sql) throws Exception {
        try (Statement st = c.createStatement(); ResultSet r = st.executeQuery(sql)) {
            r.next();
            return r.getString(1);
        }
    }

    private static String jobSource() {
        String dir = "jobs/src/main/java/io/pulse/jobs/energy";
        String commit = Machine.commandOutput("git", "-C", "../..", "log", "-1", "--format=%h %s", "--", dir);
        if (commit.isEmpty()) {
            return "pulse-jobs from the local Maven repository (source commit unknown)";
        }
        String changes = Machine.commandOutput("git", "-C", "../..", "status", "--porcelain", "--", "jobs/src/main");
        return "pulse-jobs installed from `" + dir + "` at commit " + commit
                + (changes.isEmpty() ? "" : " (with uncommitted changes in jobs/src/main)");
    }
}

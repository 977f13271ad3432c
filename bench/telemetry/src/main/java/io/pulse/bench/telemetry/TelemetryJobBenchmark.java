package io.pulse.bench.telemetry;

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
 * Readings per second through the telemetry job's operators on a local MiniCluster, fed by a
 * deterministic generator ({@link BenchReadings}), next to the ceiling of the harness itself:
 * <ul>
 *   <li>(a) the job ({@link Pipeline#job}, as TelemetryJob.build composes it), every sink discarding;</li>
 *   <li>(b) the same generator into a discarding sink, no processing: the harness's ceiling;</li>
 *   <li>(c) the parse step alone: the same readings as JSON messages through ParseStep(TelemetryParser);</li>
 * </ul>
 * one warm-up round of each, then {@code rounds} measured rounds, the sides taking turns. Then a
 * shorter run of (a) with the real MySQL sinks (UpsertSink into a MariaDB of the test kit), and
 * the checkpointed state per device ({@link StateSize}, N and 2N devices, the difference over N).
 *
 * <p>Settings (system properties, from the pom's bench.* properties): devices (1,000), readings per
 * round (500,000), rounds (3), parallelism (2), sinkReadings (200,000), stateSeconds (120),
 * checkpointMs (1,000), out (../results/telemetry-job.md).
 */
public final class TelemetryJobBenchmark {

    static final String COMMAND = "mvn -B -q -o install -DskipTests -pl jobs -am && cd bench/common && mvn -B -q -o install"
            + " && cd ../telemetry && mvn -q -o compile exec:exec";
    static final double GOAL_RATE = 100_000;
    static final long GOAL_STATE = 4_096;
    static final int REAL_SINK_ROUNDS = 2;

    enum Side {
        JOB("(a) telemetry job, sinks discarding"),
        HARNESS("(b) ceiling: generator → discarding sink, no processing"),
        PARSE("(c) parse step alone: JSON → ParseStep(TelemetryParser) → discarding");

        final String label;

        Side(String label) {
            this.label = label;
        }
    }

    record Settings(int devices, long readings, int rounds, int parallelism, long sinkReadings, long stateSeconds,
                    long checkpointMs) {}

    private TelemetryJobBenchmark() {}

    public static void main(String[] args) throws Exception {
        Settings s = new Settings(Integer.getInteger("devices", 1_000), Long.getLong("readings", 500_000L),
                Integer.getInteger("rounds", 3), Integer.getInteger("parallelism", 2),
                Long.getLong("sinkReadings", 200_000L), Long.getLong("stateSeconds", 120L),
                Long.getLong("checkpointMs", 1_000L));
        Path out = Path.of(System.getProperty("out", "../results/telemetry-job.md"));
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
                switch (side) {
                    case JOB -> Pipeline.job(env, Pipeline.readings(env, new BenchReadings.Readings(s.devices()), s.readings()), null);
                    case HARNESS -> Pipeline.harnessOnly(env, s.devices(), s.readings());
                    case PARSE -> Pipeline.parseOnly(env, s.devices(), s.readings());
                }
                double seconds = env.execute("telemetry-bench " + side).getNetRuntime(TimeUnit.MILLISECONDS) / 1_000.0;
                Map<String, Long> counts = CountingSink.counts();
                check(side, counts, s.readings());
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

        CheckpointSize.Checkpoint small = StateSize.measure(s.devices(), s.stateSeconds(), s.parallelism(), s.checkpointMs());
        CheckpointSize.Checkpoint large = StateSize.measure(2 * s.devices(), s.stateSeconds(), s.parallelism(), s.checkpointMs());
        System.out.printf("checkpoint: %,d bytes at %,d devices, %,d bytes at %,d devices%n",
                small.bytes(), s.devices(), large.bytes(), 2 * s.devices());

        String machine = Machine.describe(
                List.of("load average (1/5/15 min): " + loadAtStart + " at the start, " + Machine.loadAverage(3) + " at the end"),
                List.of("Flink: " + LocalFlink.version() + " (local MiniCluster in the benchmark's JVM, parallelism "
                                + s.parallelism() + ")",
                        "MariaDB (real-sink rounds): " + real.version() + ", started by `MariaDbServer` of pulse-test-servers",
                        "job under test: " + jobSource()));
        String report = Report.markdown(s, measured, othersCores, jobOutputs, real, small, large, machine);
        Markdown.printAndWrite(report, out);
    }

    /** What every side must have produced, or the round measured something else. */
    private static void check(Side side, Map<String, Long> counts, long readings) {
        long expected = switch (side) {
            case JOB -> readings;                                   // every reading is scored... less dedup/late
            case HARNESS -> counts.getOrDefault("harness: readings", 0L);
            case PARSE -> counts.getOrDefault("parse: readings", 0L);
        };
        if (side == Side.HARNESS && expected != readings || side == Side.PARSE && expected != readings) {
            throw new IllegalStateException(side + " delivered " + counts + ", expected " + readings + " readings");
        }
        if (side == Side.JOB) {
            long scored = counts.getOrDefault("influxdb: telemetry", 0L);
            long rejected = counts.getOrDefault("mysql: rejected_messages", 0L);
            if (scored <= readings * 0.99 || scored + rejected > readings) {
                throw new IllegalStateException("job scored " + scored + " and rejected " + rejected + " of " + readings);
            }
        }
    }

    record RealSinks(List<Double> rates, List<Double> othersCores, Map<String, Long> rows, long readings, String version) {}

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
                    for (String table : List.of("alerts", "device_status", "devices", "rejected_messages")) {
                        try (Statement st = admin.createStatement()) {
                            st.execute("DELETE FROM " + table);
                        }
                    }
                    CpuShare start = CpuShare.now(db.directory().toString());
                    CountingSink.reset();
                    StreamExecutionEnvironment env = LocalFlink.environment(s.parallelism());
                    env.enableCheckpointing(s.checkpointMs());
                    Pipeline.job(env, Pipeline.readings(env, new BenchReadings.Readings(s.devices()), s.sinkReadings()), jdbc);
                    double seconds = env.execute("telemetry-bench real sinks").getNetRuntime(TimeUnit.MILLISECONDS) / 1_000.0;
                    double rate = s.sinkReadings() / seconds;
                    double o = start.othersSince();
                    for (String table : List.of("alerts", "device_status", "devices", "rejected_messages")) {
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
        String dir = "jobs/src/main/java/io/pulse/jobs/telemetry";
        String commit = Machine.commandOutput("git", "-C", "../..", "log", "-1", "--format=%h %s", "--", dir);
        if (commit.isEmpty()) {
            return "pulse-jobs from the local Maven repository (source commit unknown)";
        }
        String changes = Machine.commandOutput("git", "-C", "../..", "status", "--porcelain", "--", "jobs/src/main");
        return "pulse-jobs installed from `" + dir + "` at commit " + commit
                + (changes.isEmpty() ? "" : " (with uncommitted changes in jobs/src/main)");
    }
}

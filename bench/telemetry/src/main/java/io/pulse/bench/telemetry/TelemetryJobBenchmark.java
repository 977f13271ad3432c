package io.pulse.bench.telemetry;

import io.pulse.bench.AlternatingRounds;
import io.pulse.bench.CheckpointSize;
import io.pulse.bench.JobUnderTest;
import io.pulse.bench.Machine;
import io.pulse.bench.Markdown;
import io.pulse.bench.RealSinkRounds;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Readings per second through the telemetry job on a local MiniCluster, fed by a deterministic
 * generator ({@link BenchReadings}) at the job's parallelism, next to the ceiling of the harness:
 * <ul>
 *   <li>(a) the whole job ({@link Pipeline#wholeJob}): the contract's JSON messages through the
 *       job's parse step and its processing, every sink discarding;</li>
 *   <li>(b) the JSON generator into a discarding sink, no processing: the harness's ceiling;</li>
 *   <li>(c) the parse step alone: the JSON messages through ParseStep(TelemetryParser);</li>
 *   <li>(e) the job's processing alone, from parsed readings ({@link Pipeline#job}), every sink discarding;</li>
 * </ul>
 * {@code warmups} warm-up rounds of each, then {@code rounds} measured rounds, the sides taking
 * turns. Then a shorter run of (a) with the real MySQL sinks (UpsertSink into a MariaDB of the test
 * kit), and the checkpointed state per device ({@link StateSize}, N and 2N devices, the difference
 * over N).
 *
 * <p>Settings (system properties, from the pom's bench.* properties): devices (1,000), readings per
 * round (2,000,000), warmups (2), rounds (3), parallelism (2), sinkReadings (200,000),
 * stateSeconds (120), checkpointMs (1,000), out (../results/telemetry-job.md).
 */
public final class TelemetryJobBenchmark {

    static final String COMMAND = "./mvnw -B -q install -DskipTests -pl jobs -am && cd bench/common && ../../mvnw -B -q install"
            + " && cd ../telemetry && ../../mvnw -q compile exec:exec";
    static final double GOAL_RATE = 100_000;
    static final long GOAL_STATE = 4_096;
    static final int REAL_SINK_ROUNDS = 2;
    static final List<String> TABLES = List.of("alerts", "device_status", "devices", "rejected_messages");

    enum Side {
        JOB("(a) whole telemetry job: JSON → parse step → processing, sinks discarding"),
        HARNESS("(b) ceiling: JSON generator → discarding sink, no processing"),
        PARSE("(c) parse step alone: JSON → ParseStep(TelemetryParser) → discarding"),
        PROCESSING("(e) the job's processing alone: parsed readings → processing, sinks discarding");

        final String label;

        Side(String label) {
            this.label = label;
        }
    }

    record Settings(int devices, long readings, int warmups, int rounds, int parallelism, long sinkReadings,
                    long stateSeconds, long checkpointMs) {}

    /** The defaults, also named in the report. */
    static final Settings DEFAULTS = new Settings(1_000, 2_000_000L, 2, 3, 2, 200_000L, 120L, 1_000L);

    private TelemetryJobBenchmark() {}

    public static void main(String[] args) throws Exception {
        Settings d = DEFAULTS;
        Settings s = new Settings(Integer.getInteger("devices", d.devices()), Long.getLong("readings", d.readings()),
                Integer.getInteger("warmups", d.warmups()), Integer.getInteger("rounds", d.rounds()),
                Integer.getInteger("parallelism", d.parallelism()), Long.getLong("sinkReadings", d.sinkReadings()),
                Long.getLong("stateSeconds", d.stateSeconds()), Long.getLong("checkpointMs", d.checkpointMs()));
        Path out = Path.of(System.getProperty("out", "../results/telemetry-job.md"));
        String loadAtStart = Machine.loadAverage(3);

        AlternatingRounds.Result<Side> rounds = AlternatingRounds.run(Side.class, Side.JOB,
                new AlternatingRounds.Setup(s.warmups(), s.rounds(), s.parallelism(), s.checkpointMs(), s.readings(), "readings", "telemetry-bench"),
                (side, env) -> {
                    switch (side) {
                        case JOB -> Pipeline.wholeJob(env, s.devices(), s.readings(), s.parallelism(), null);
                        case HARNESS -> Pipeline.harnessOnly(env, s.devices(), s.readings(), s.parallelism());
                        case PARSE -> Pipeline.parseOnly(env, s.devices(), s.readings(), s.parallelism());
                        case PROCESSING -> Pipeline.job(env, Pipeline.readings(env, s.devices(), s.readings(), s.parallelism()),
                                null, null);
                    }
                },
                (side, counts) -> check(side, counts, s.readings()), () -> "");

        RealSinkRounds.Result real = RealSinkRounds.run(TABLES, REAL_SINK_ROUNDS, s.parallelism(), s.checkpointMs(),
                s.sinkReadings(), "readings", "telemetry-bench real sinks",
                (env, jdbc) -> Pipeline.wholeJob(env, s.devices(), s.sinkReadings(), s.parallelism(), jdbc));

        CheckpointSize.Checkpoint small = StateSize.measure(s.devices(), s.stateSeconds(), s.parallelism(), s.checkpointMs());
        CheckpointSize.Checkpoint large = StateSize.measure(2 * s.devices(), s.stateSeconds(), s.parallelism(), s.checkpointMs());
        System.out.printf("checkpoint: %,d bytes at %,d devices, %,d bytes at %,d devices%n",
                small.bytes(), s.devices(), large.bytes(), 2 * s.devices());

        String machine = JobUnderTest.machine(loadAtStart, s.parallelism(), real.version(), "jobs/src/main/java/io/pulse/jobs/telemetry");
        String report = Report.markdown(s, rounds.measured(), rounds.othersCores(), rounds.jobOutputs(), real, small, large, machine);
        Markdown.printAndWrite(report, out);
    }

    /** What every side must have produced, or the round measured something else (e.g. a restarted job's replay). */
    private static void check(Side side, Map<String, Long> counts, long readings) {
        switch (side) {
            case HARNESS -> expect(side, counts, "harness: messages", readings);
            case PARSE -> expect(side, counts, "parse: readings", readings);
            case JOB, PROCESSING -> {
                long scored = counts.getOrDefault("influxdb: telemetry scores", 0L);
                long rejected = counts.getOrDefault("mysql: rejected_messages", 0L);
                // every reading is scored, less duplicates and late ones
                if (scored <= readings * 0.99 || scored + rejected > readings) {
                    throw new IllegalStateException(side + " scored " + scored + " and rejected " + rejected + " of " + readings);
                }
            }
        }
    }

    private static void expect(Side side, Map<String, Long> counts, String sink, long readings) {
        if (counts.getOrDefault(sink, 0L) != readings) {
            throw new IllegalStateException(side + " delivered " + counts + ", expected " + readings + " on " + sink);
        }
    }
}

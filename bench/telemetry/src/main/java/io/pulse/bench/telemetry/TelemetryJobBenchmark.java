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
    static final List<String> TABLES = List.of("alerts", "device_status", "devices", "rejected_messages");

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

        AlternatingRounds.Result<Side> rounds = AlternatingRounds.run(Side.class, Side.JOB,
                new AlternatingRounds.Setup(s.rounds(), s.parallelism(), s.checkpointMs(), s.readings(), "readings", "telemetry-bench"),
                (side, env) -> {
                    switch (side) {
                        case JOB -> Pipeline.job(env, Pipeline.readings(env, new BenchReadings.Readings(s.devices()), s.readings()), null);
                        case HARNESS -> Pipeline.harnessOnly(env, s.devices(), s.readings());
                        case PARSE -> Pipeline.parseOnly(env, s.devices(), s.readings());
                    }
                },
                (side, counts) -> check(side, counts, s.readings()), () -> "");

        RealSinkRounds.Result real = RealSinkRounds.run(TABLES, REAL_SINK_ROUNDS, s.parallelism(), s.checkpointMs(),
                s.sinkReadings(), "readings", "telemetry-bench real sinks",
                (env, jdbc) -> Pipeline.job(env, Pipeline.readings(env, new BenchReadings.Readings(s.devices()), s.sinkReadings()), jdbc));

        CheckpointSize.Checkpoint small = StateSize.measure(s.devices(), s.stateSeconds(), s.parallelism(), s.checkpointMs());
        CheckpointSize.Checkpoint large = StateSize.measure(2 * s.devices(), s.stateSeconds(), s.parallelism(), s.checkpointMs());
        System.out.printf("checkpoint: %,d bytes at %,d devices, %,d bytes at %,d devices%n",
                small.bytes(), s.devices(), large.bytes(), 2 * s.devices());

        String machine = JobUnderTest.machine(loadAtStart, s.parallelism(), real.version(), "jobs/src/main/java/io/pulse/jobs/telemetry");
        String report = Report.markdown(s, rounds.measured(), rounds.othersCores(), rounds.jobOutputs(), real, small, large, machine);
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
}

package io.pulse.bench.energy;

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

    static final String COMMAND = "./mvnw -B -q install -DskipTests -pl jobs -am && cd bench/common && ../../mvnw -B -q install"
            + " && cd ../energy && ../../mvnw -q compile exec:exec";
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

    private EnergyJobBenchmark() {}

    public static void main(String[] args) throws Exception {
        Settings s = new Settings(Integer.getInteger("meters", 1_000), Long.getLong("readings", 1_000_000L),
                Integer.getInteger("rounds", 3), Integer.getInteger("parallelism", 2),
                Long.getLong("sinkReadings", 200_000L), Long.getLong("stateSeconds", 600L),
                Long.getLong("checkpointMs", 1_000L));
        Path out = Path.of(System.getProperty("out", "../results/energy-job.md"));
        String loadAtStart = Machine.loadAverage(3);

        AlternatingRounds.Result<Side> rounds = AlternatingRounds.run(Side.class, Side.JOB,
                new AlternatingRounds.Setup(s.rounds(), s.parallelism(), s.checkpointMs(), s.readings(), "readings", "energy-bench"),
                (side, env) -> {
                    if (side == Side.JOB) {
                        Pipeline.job(env, Pipeline.readings(env, new BenchMeters.Readings(s.meters()), s.readings()), null);
                    } else {
                        Pipeline.harnessOnly(env, s.meters(), s.readings());
                    }
                },
                (side, counts) -> check(side, counts, s), () -> "");

        RealSinkRounds.Result real = RealSinkRounds.run(TABLES, REAL_SINK_ROUNDS, s.parallelism(), s.checkpointMs(),
                s.sinkReadings(), "readings", "energy-bench real sinks",
                (env, jdbc) -> Pipeline.job(env, Pipeline.readings(env, new BenchMeters.Readings(s.meters()), s.sinkReadings()), jdbc));
        CheckpointSize.Checkpoint small = StateSize.measure(s.meters(), s.stateSeconds(), s.parallelism(), s.checkpointMs());
        CheckpointSize.Checkpoint large = StateSize.measure(2 * s.meters(), s.stateSeconds(), s.parallelism(), s.checkpointMs());
        System.out.printf("checkpoint: %,d bytes at %,d meters, %,d bytes at %,d meters%n",
                small.bytes(), s.meters(), large.bytes(), 2 * s.meters());

        String machine = JobUnderTest.machine(loadAtStart, s.parallelism(), real.version(), "jobs/src/main/java/io/pulse/jobs/energy");
        Markdown.printAndWrite(Report.markdown(s, rounds.measured(), rounds.othersCores(), rounds.jobOutputs(), real, small, large,
                machine), out);
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
}

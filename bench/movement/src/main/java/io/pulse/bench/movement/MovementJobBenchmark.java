package io.pulse.bench.movement;

import io.pulse.bench.AlternatingRounds;
import io.pulse.bench.CheckpointSize;
import io.pulse.bench.JobUnderTest;
import io.pulse.bench.Machine;
import io.pulse.bench.Markdown;
import io.pulse.bench.RealSinkRounds;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Sightings per second through the movement job's operators on a local MiniCluster, fed by the
 * deterministic {@link Schedule}, side by side with the ceiling of the harness and the parse step
 * alone; then the job with real MySQL sinks; then the checkpointed state per person inside and
 * per person who left (N and 2N people, the growth over N).
 */
public final class MovementJobBenchmark {

    static final String COMMAND = "./mvnw -B -q install -DskipTests -pl jobs -am && cd bench/common && ../../mvnw -B -q install"
            + " && cd ../movement && ../../mvnw -q compile exec:exec";
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

    private MovementJobBenchmark() {}

    public static void main(String[] args) throws Exception {
        Settings s = new Settings(Integer.getInteger("people", 10_000), Long.getLong("sightings", 1_000_000L),
                Integer.getInteger("rounds", 3), Integer.getInteger("parallelism", 2), Long.getLong("sinkSightings", 200_000L),
                Integer.getInteger("statePeople", 5_000), Long.getLong("checkpointMs", 1_000L));
        Path out = Path.of(System.getProperty("out", "../results/movement-job.md"));
        String loadAtStart = Machine.loadAverage(3);

        AlternatingRounds.Result<Side> rounds = AlternatingRounds.run(Side.class, Side.JOB,
                new AlternatingRounds.Setup(s.rounds(), s.parallelism(), s.checkpointMs(), s.sightings(), "sightings", "movement-bench"),
                (side, env) -> {
                    Attempts.HIGHEST.set(0);
                    switch (side) {
                        case JOB -> Pipeline.job(env, Pipeline.sightings(env, new BenchSightings.Parsed(s.people(), PER_SECOND), s.sightings()), null);
                        case HARNESS -> Pipeline.harnessOnly(env, s.people(), PER_SECOND, s.sightings());
                        case PARSE -> Pipeline.parseOnly(env, s.people(), PER_SECOND, s.sightings());
                    }
                },
                (side, counts) -> check(side, counts, s.sightings()),
                () -> Attempts.HIGHEST.get() > 0
                        ? " (RESTARTED: attempt " + Attempts.HIGHEST.get() + ", replayed records counted twice)" : "");

        RealSinkRounds.Result real = RealSinkRounds.run(TABLES, REAL_SINK_ROUNDS, s.parallelism(), s.checkpointMs(),
                s.sinkSightings(), "sightings", "movement-bench real sinks",
                (env, jdbc) -> Pipeline.job(env, Pipeline.sightings(env, new BenchSightings.Parsed(s.people(), PER_SECOND), s.sinkSightings()), jdbc));

        Map<String, CheckpointSize.Checkpoint> state = new LinkedHashMap<>();
        for (boolean leave : new boolean[] {false, true}) {
            for (int n : new int[] {s.statePeople(), 2 * s.statePeople()}) {
                CheckpointSize.Checkpoint c = StateSize.measure(n, leave, s.parallelism(), s.checkpointMs());
                state.put((leave ? "left " : "inside ") + n, c);
                System.out.printf("checkpoint with %,d people %s: %,d bytes%n", n, leave ? "who left" : "inside", c.bytes());
            }
        }

        String machine = JobUnderTest.machine(loadAtStart, s.parallelism(), real.version(), "jobs/src/main/java/io/pulse/jobs/movement");
        Markdown.printAndWrite(Report.markdown(s, rounds.measured(), rounds.othersCores(), rounds.jobOutputs(), real, state, machine), out);
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
}

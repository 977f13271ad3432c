package io.pulse.bench;

import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * The rounds of a job benchmark: {@code warmups} warm-up rounds, then {@code rounds} measured ones; in each, every
 * side runs once as its own Flink job on a local MiniCluster (the sides take turns, starting one
 * later each round), into {@link CountingSink}s that are checked after the job. Timed by the job's
 * net runtime; the CPU other processes used is taken per round.
 */
public final class AlternatingRounds {

    /** Adds one side's job to a fresh environment (checkpointing already on). */
    @FunctionalInterface
    public interface SideBuilder<S> {
        void build(S side, StreamExecutionEnvironment env) throws Exception;
    }

    /** Throws if a side's sink counts show that it measured something else. */
    @FunctionalInterface
    public interface OutputCheck<S> {
        void check(S side, Map<String, Long> counts);
    }

    /** Rates per side (measured rounds only), other processes' cores per round, the job side's counts per round. */
    public record Result<S extends Enum<S>>(Map<S, List<Double>> measured, List<Double> othersCores,
                                           List<Map<String, Long>> jobOutputs) {}

    /**
     * What is measured and how, apart from the sides themselves. {@code warmups}: rounds run and not
     * counted; on 2 cores the JIT compiles Flink's and the job's hot paths alongside the job itself,
     * for tens of seconds of work, so one short round does not reach steady state.
     */
    public record Setup(int warmups, int rounds, int parallelism, long checkpointMs, long records, String unit, String jobName) {

        /** One warm-up round. */
        public Setup(int rounds, int parallelism, long checkpointMs, long records, String unit, String jobName) {
            this(1, rounds, parallelism, checkpointMs, records, unit, jobName);
        }
    }

    private AlternatingRounds() {}

    /**
     * @param job        the side whose outputs are kept and printed
     * @param outputNote appended to the printed job outputs (e.g. that the job restarted), "" if nothing
     */
    public static <S extends Enum<S>> Result<S> run(Class<S> sideType, S job, Setup setup, SideBuilder<S> builder,
                                                    OutputCheck<S> check, Supplier<String> outputNote) throws Exception {
        S[] sides = sideType.getEnumConstants();
        Map<S, List<Double>> measured = new EnumMap<>(sideType);
        for (S side : sides) {
            measured.put(side, new ArrayList<>());
        }
        List<Double> othersCores = new ArrayList<>();
        List<Map<String, Long>> jobOutputs = new ArrayList<>();
        for (int round = 1 - setup.warmups(); round <= setup.rounds(); round++) {
            boolean warmUp = round <= 0;
            StringBuilder line = new StringBuilder(warmUp ? "warm-up" : "round " + round).append(':');
            CpuShare roundStart = CpuShare.now();
            for (int k = 0; k < sides.length; k++) {
                S side = sides[Math.floorMod(round + k, sides.length)];
                CountingSink.reset();
                StreamExecutionEnvironment env = LocalFlink.environment(setup.parallelism());
                env.enableCheckpointing(setup.checkpointMs());
                builder.build(side, env);
                double seconds = env.execute(setup.jobName() + " " + side).getNetRuntime(TimeUnit.MILLISECONDS) / 1_000.0;
                Map<String, Long> counts = CountingSink.counts();
                check.check(side, counts);
                if (side == job) {
                    jobOutputs.add(counts);
                    System.out.println("job outputs: " + counts + outputNote.get());
                }
                double rate = setup.records() / seconds;
                if (!warmUp) {
                    measured.get(side).add(rate);
                }
                line.append(String.format("  %s %,.0f %s/s", side, rate, setup.unit()));
            }
            double others = roundStart.othersSince();
            line.append(String.format("  (other processes: %.2f cores)", others));
            if (!warmUp) {
                othersCores.add(others);
            }
            System.out.println(line);
        }
        return new Result<>(measured, othersCores, jobOutputs);
    }
}

package io.pulse.bench.energy;

import io.pulse.bench.CheckpointSize;

/**
 * Checkpointed state of the energy job in steady state ({@link CheckpointSize}): the job runs
 * {@code meters × seconds} readings, then stays up idle; the first checkpoint triggered after the
 * last reading left the source holds all of them.
 */
final class StateSize {

    private StateSize() {}

    static CheckpointSize.Checkpoint measure(int meters, long seconds, int parallelism, long checkpointMs) throws Exception {
        return CheckpointSize.measure("energy-state-" + meters, parallelism, checkpointMs, env -> {
            BenchMeters.ReadingsThenIdle.DONE.set(0);
            Pipeline.job(env, Pipeline.readings(env, new BenchMeters.ReadingsThenIdle(meters, meters * seconds), Long.MAX_VALUE), null);
        }, BenchMeters.ReadingsThenIdle.DONE::get, 0, "readings");
    }
}

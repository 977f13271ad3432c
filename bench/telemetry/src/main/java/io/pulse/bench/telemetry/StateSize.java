package io.pulse.bench.telemetry;

import io.pulse.bench.CheckpointSize;

/**
 * Checkpointed state of the whole job in steady state ({@link CheckpointSize}): the job runs
 * {@code devices} devices for {@code seconds} seconds of event time, then stays up idle (see
 * {@link BenchReadings.ReadingsThenIdle}); the first checkpoint triggered after the last reading
 * left the source holds all of them.
 */
final class StateSize {

    private StateSize() {}

    static CheckpointSize.Checkpoint measure(int devices, long seconds, int parallelism, long checkpointMs) throws Exception {
        long readings = devices * seconds;
        return CheckpointSize.measure("telemetry-state-" + devices, parallelism, checkpointMs, env -> {
            BenchReadings.ReadingsThenIdle.DONE.set(0);
            Pipeline.job(env, Pipeline.readings(env, new BenchReadings.ReadingsThenIdle(devices, readings), Long.MAX_VALUE), null);
        }, BenchReadings.ReadingsThenIdle.DONE::get, 0, "readings");
    }
}

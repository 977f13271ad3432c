package io.pulse.bench.movement;

import io.pulse.bench.CheckpointSize;

/**
 * Checkpointed state of the whole movement job once {@code people} people have entered (and, with
 * {@code leave}, left again), from the first checkpoint completed 5 s after event time moved on
 * ({@link BenchSightings.ThenIdle}); measured by {@link CheckpointSize}, total and per operator.
 */
final class StateSize {

    /** 5 s of idle markers: 5,000 s of event time, past every debounce window. */
    private static final long SETTLE_MS = 5_000;

    private StateSize() {}

    static CheckpointSize.Checkpoint measure(int people, boolean leave, int parallelism, long checkpointMs) throws Exception {
        String name = "movement-state-" + people + (leave ? "-left" : "-inside");
        return CheckpointSize.measure(name, parallelism, checkpointMs, env -> {
            BenchSightings.ThenIdle.DONE.set(0);
            Pipeline.job(env, Pipeline.sightings(env, new BenchSightings.ThenIdle(people, leave), Long.MAX_VALUE), null);
        }, BenchSightings.ThenIdle.DONE::get, SETTLE_MS, "sightings");
    }
}

package io.pulse.bench.movement;

import io.pulse.bench.CheckpointSize;
import io.pulse.bench.ThenIdle;
import io.pulse.jobs.movement.ingest.Sighting;

/**
 * Checkpointed state of the whole movement job once {@code people} people have entered (and, with
 * {@code leave}, left again), from the first checkpoint completed 5 s after event time moved on
 * ({@link ThenIdle}); measured by {@link CheckpointSize}, total and per operator.
 */
final class StateSize {

    /** 5 s of idle markers: 5,000 s of event time, past every debounce window. */
    private static final long SETTLE_MS = 5_000;

    private StateSize() {}

    static CheckpointSize.Checkpoint measure(int people, boolean leave, int parallelism, long checkpointMs) throws Exception {
        String name = "movement-state-" + people + (leave ? "-left" : "-inside");
        return CheckpointSize.measure(name, parallelism, checkpointMs, env -> {
            ThenIdle<Sighting> generator = ThenIdle.start(new BenchSightings.Movers(people),
                    BenchSightings.Movers.count(people, leave), BenchSightings.Movers::idle);
            Pipeline.job(env, Pipeline.sightings(env, generator, Long.MAX_VALUE), null);
        }, ThenIdle::lastRecordAt, SETTLE_MS, "sightings");
    }
}

package io.pulse.bench.energy;

import io.pulse.bench.CheckpointSize;
import io.pulse.bench.ThenIdle;
import io.pulse.jobs.energy.MeterReading;

/**
 * Checkpointed state of the energy job in steady state ({@link CheckpointSize}): the job runs
 * {@code meters × seconds} readings, then stays up idle ({@link ThenIdle}); the first checkpoint triggered after the
 * last reading left the source holds all of them.
 */
final class StateSize {

    private StateSize() {}

    static CheckpointSize.Checkpoint measure(int meters, long seconds, int parallelism, long checkpointMs) throws Exception {
        return CheckpointSize.measure("energy-state-" + meters, parallelism, checkpointMs, env -> {
            long readings = meters * seconds;
            ThenIdle<MeterReading> generator = ThenIdle.start(new BenchMeters.Readings(meters), readings,
                    k -> new MeterReading("", 0, 0, Double.NaN, Double.NaN, Double.NaN)); // meterId "": dropped before the job
            Pipeline.job(env, Pipeline.readings(env, generator, Long.MAX_VALUE), null);
        }, ThenIdle::lastRecordAt, 0, "readings");
    }
}

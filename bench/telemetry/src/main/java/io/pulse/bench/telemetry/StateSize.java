package io.pulse.bench.telemetry;

import io.pulse.bench.CheckpointSize;
import io.pulse.bench.ThenIdle;

/**
 * Checkpointed state of the whole job in steady state ({@link CheckpointSize}): the job runs
 * {@code devices} devices for {@code seconds} seconds of event time, then stays up idle (see
 * {@link ThenIdle}); the first checkpoint triggered {@link #SETTLE_MS} after
 * the last reading left the source holds all of them. The wait matters: the scorer keeps readings
 * until the watermark passes them, and a source replaying history at 100,000 readings a second
 * moves event time 20 s per 200 ms watermark interval, so a checkpoint right behind the last
 * reading would count a backlog a live job (one reading per device and second) never holds.
 */
final class StateSize {

    /** Long enough for the periodic watermark (200 ms) and the timers it fires to catch up. */
    static final long SETTLE_MS = 2_000;

    private StateSize() {}

    static CheckpointSize.Checkpoint measure(int devices, long seconds, int parallelism, long checkpointMs) throws Exception {
        long readings = devices * seconds;
        return CheckpointSize.measure("telemetry-state-" + devices, parallelism, checkpointMs, env -> {
            Pipeline.job(env, Pipeline.readingsThenIdle(env, devices, readings), null, null);
        }, ThenIdle::lastRecordAt, SETTLE_MS, "readings");
    }
}

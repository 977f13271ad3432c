package io.pulse.bench.movement;

import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.functions.RichMapFunction;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * A pass-through that notes the highest attempt number of its task: above 0, the job restarted
 * from a checkpoint, and the counting sinks (not idempotent) counted the replayed records twice.
 */
final class Attempts<T> extends RichMapFunction<T, T> {

    static final AtomicInteger HIGHEST = new AtomicInteger();

    @Override
    public void open(OpenContext openContext) {
        HIGHEST.accumulateAndGet(getRuntimeContext().getTaskInfo().getAttemptNumber(), Math::max);
    }

    @Override
    public T map(T value) {
        return value;
    }
}

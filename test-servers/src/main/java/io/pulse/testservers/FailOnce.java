package io.pulse.testservers;

import org.apache.flink.api.common.functions.RichMapFunction;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A pass-through map that throws once, in the job's first attempt, after {@code afterRecords}
 * records have passed through all its subtasks: the injected failure of failure-and-restore
 * tests. The counters are JVM-wide (the MiniCluster runs in the test's JVM), so one test at a
 * time may use it.
 */
public final class FailOnce<T> extends RichMapFunction<T, T> {

    public static final AtomicLong SEEN = new AtomicLong();
    public static final AtomicBoolean FAILED = new AtomicBoolean();

    private final long afterRecords;

    public FailOnce(long afterRecords) {
        this.afterRecords = afterRecords;
        SEEN.set(0);
        FAILED.set(false);
    }

    @Override
    public T map(T value) {
        if (SEEN.incrementAndGet() >= afterRecords && FAILED.compareAndSet(false, true)) {
            throw new IllegalStateException("injected failure after " + afterRecords + " records");
        }
        return value;
    }
}

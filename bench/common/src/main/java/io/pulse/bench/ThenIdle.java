package io.pulse.bench;

import org.apache.flink.api.connector.source.SourceReaderContext;
import org.apache.flink.connector.datagen.source.GeneratorFunction;
import org.apache.flink.util.function.SerializableFunction;

import java.util.concurrent.atomic.AtomicLong;

/**
 * For a state measurement ({@link CheckpointSize}): the first {@code count} records of a generator,
 * then an endless trickle of idle markers, one a millisecond: records the benchmark drops before
 * its job, or ones that only move event time on (the marker function gets the marker's number,
 * 0, 1, 2, ...). The job stays up, idle, until a checkpoint of its steady state completes;
 * {@link #lastRecordAt()} says when the records are out. The local MiniCluster runs in the
 * benchmark's JVM, so one static clock serves; one measurement runs at a time.
 */
public final class ThenIdle<T> implements GeneratorFunction<Long, T> {

    private static final long serialVersionUID = 1L;
    private static final AtomicLong LAST_RECORD_AT = new AtomicLong();

    private final GeneratorFunction<Long, T> records;
    private final long count;
    private final SerializableFunction<Long, T> marker;

    private ThenIdle(GeneratorFunction<Long, T> records, long count, SerializableFunction<Long, T> marker) {
        this.records = records;
        this.count = count;
        this.marker = marker;
    }

    /** A new measurement's generator; {@link #lastRecordAt()} is 0 again until its records are out. */
    public static <T> ThenIdle<T> start(GeneratorFunction<Long, T> records, long count, SerializableFunction<Long, T> marker) {
        LAST_RECORD_AT.set(0);
        return new ThenIdle<>(records, count, marker);
    }

    /** Wall-clock millis when the last record left the source, 0 while it has not. */
    public static long lastRecordAt() {
        return LAST_RECORD_AT.get();
    }

    @Override
    public void open(SourceReaderContext readerContext) throws Exception {
        records.open(readerContext);
    }

    @Override
    public T map(Long i) throws Exception {
        if (i < count) {
            return records.map(i);
        }
        LAST_RECORD_AT.compareAndSet(0, System.currentTimeMillis());
        Thread.sleep(1);
        return marker.apply(i - count);
    }

    @Override
    public void close() throws Exception {
        records.close();
    }
}

package io.pulse.jobs.storage;

import io.pulse.jobs.wiring.ClassLoaderRelease;

import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.api.connector.sink2.SinkWriter;
import org.apache.flink.api.connector.sink2.WriterInitContext;

/**
 * Writes records to MySQL as idempotent upserts into an {@link UpsertTable}: at least once,
 * flushed before every checkpoint, so together with the deterministic keys a replay after a
 * failure leaves exactly the rows a failure-free run would.
 *
 * <p>Why not flink-connector-jdbc-core's JdbcSink: in 4.0.0-2.0 its writer flushes again in
 * {@code close()} and throws there when the database is gone; Flink 2 treats an exception from
 * close during failure handling as fatal and takes the whole TaskManager down (seen in the
 * 10-second database outage of {@code UpsertSinkITCase}, which this writer passes). This writer
 * never flushes in close: rows not yet flushed are newer than the last checkpoint and are replayed.
 */
public final class UpsertSink<T> implements Sink<T> {

    private static final long serialVersionUID = 1L;

    private final UpsertTable<T> table;
    private final JdbcSettings settings;

    private UpsertSink(UpsertTable<T> table, JdbcSettings settings) {
        this.table = table;
        this.settings = settings;
    }

    public static <T> UpsertSink<T> into(UpsertTable<T> table, JdbcSettings settings) {
        return new UpsertSink<>(table, settings);
    }

    @Override
    public SinkWriter<T> createWriter(WriterInitContext context) {
        ClassLoaderRelease.register(context.getUserCodeClassLoader());
        return new UpsertWriter<>(table, settings, context.getProcessingTimeService(), context.metricGroup());
    }
}

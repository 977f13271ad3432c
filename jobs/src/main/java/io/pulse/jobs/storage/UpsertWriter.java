package io.pulse.jobs.storage;

import org.apache.flink.api.common.operators.ProcessingTimeService;
import org.apache.flink.api.connector.sink2.SinkWriter;
import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.Gauge;
import org.apache.flink.metrics.MetricGroup;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Buffers rows and writes them as one batch (one multi-row INSERT with
 * {@code rewriteBatchedStatements}) in a transaction, when the buffer is full, when the batch
 * interval has passed since the first buffered row, and before every checkpoint. A failed batch
 * is retried on a fresh connection with a growing pause; after {@code maxRetries} the job fails
 * with a message naming the table and the database, and restarts from its checkpoint.
 */
final class UpsertWriter<T> implements SinkWriter<T> {

    private static final Logger LOG = LoggerFactory.getLogger(UpsertWriter.class);
    private static final long MAX_RETRY_PAUSE_MS = 10_000;

    private final UpsertTable<T> table;
    private final JdbcSettings settings;
    private final ProcessingTimeService timers;
    private final List<T> buffer = new ArrayList<>();
    private final Counter rowsWritten;
    private final Counter retries;
    private Connection connection;
    private boolean flushScheduled;

    UpsertWriter(UpsertTable<T> table, JdbcSettings settings, ProcessingTimeService timers, MetricGroup metrics) {
        this.table = table;
        this.settings = settings;
        this.timers = timers;
        MetricGroup group = metrics.addGroup("jdbc", table.table());
        this.rowsWritten = group.counter("rowsWritten");
        this.retries = group.counter("retries");
        group.gauge("bufferedRows", (Gauge<Integer>) buffer::size);
    }

    @Override
    public void write(T record, Context context) throws IOException, InterruptedException {
        buffer.add(record);
        if (buffer.size() >= settings.batchSize()) {
            flush(false);
        } else if (!flushScheduled && settings.batchIntervalMs() > 0) {
            flushScheduled = true;
            long due = timers.getCurrentProcessingTime() + settings.batchIntervalMs();
            // Timer callbacks run on the task thread, like write() and flush().
            timers.registerTimer(due, time -> {
                flushScheduled = false;
                flush(false);
            });
        }
    }

    @Override
    public void flush(boolean endOfInput) throws IOException, InterruptedException {
        if (buffer.isEmpty()) {
            return;
        }
        for (int attempt = 0; ; attempt++) {
            try {
                writeBatch();
                rowsWritten.inc(buffer.size());
                buffer.clear();
                return;
            } catch (SQLException e) {
                closeConnection();
                String failure = "writing " + buffer.size() + " rows to " + table.table() + " on " + settings
                        + " failed: " + DatabaseConnections.rootMessage(e);
                if (attempt >= settings.maxRetries()) {
                    throw new IOException(failure + " (gave up after " + (attempt + 1) + " attempts)", e);
                }
                long pause = Math.min(MAX_RETRY_PAUSE_MS, 500L << attempt);
                LOG.warn("{}; retry {} of {} in {} ms", failure, attempt + 1, settings.maxRetries(), pause);
                retries.inc();
                Thread.sleep(pause);
            }
        }
    }

    private void writeBatch() throws SQLException {
        if (connection == null || !connection.isValid(5)) {
            closeConnection();
            connection = java.sql.DriverManager.getConnection(settings.url(), settings.user(), settings.password());
            connection.setAutoCommit(false);
        }
        try (PreparedStatement statement = connection.prepareStatement(table.sql())) {
            for (T record : buffer) {
                table.bind(statement, record);
                statement.addBatch();
            }
            statement.executeBatch();
            connection.commit();
        } catch (SQLException e) {
            try {
                connection.rollback();
            } catch (SQLException ignored) {
                // the connection is probably gone; it is replaced on the next attempt
            }
            throw e;
        }
    }

    private void closeConnection() {
        DatabaseConnections.closeQuietly(connection);
        connection = null;
    }

    /** Never flushes: what is buffered is newer than the last checkpoint and will be replayed. */
    @Override
    public void close() {
        closeConnection();
    }
}

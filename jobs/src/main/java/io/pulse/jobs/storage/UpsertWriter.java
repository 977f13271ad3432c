package io.pulse.jobs.storage;

import io.pulse.jobs.ingest.RejectedMessage;

import org.apache.flink.api.common.operators.ProcessingTimeService;
import org.apache.flink.api.connector.sink2.SinkWriter;
import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.Gauge;
import org.apache.flink.metrics.MetricGroup;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Buffers rows and writes them as one batch in a transaction, when the buffer is full, when the
 * batch interval has passed since the first buffered row, and before every checkpoint. A batch is
 * a few multi-row INSERTs of {@link #ROWS_PER_STATEMENT} rows, the statement prepared once per
 * connection: JDBC batching ({@code addBatch} with {@code rewriteBatchedStatements}) sends the
 * same, but mysql-connector-j encodes every value twice to size its packets, a tenth of the
 * movement job's CPU. A failed batch
 * is retried on a fresh connection with a growing pause; after {@code maxRetries} the job fails
 * with a message naming the table and the database, and restarts from its checkpoint.
 *
 * <p>A batch the database refuses for its data (SQLSTATE class 22 or 23: too long, out of range,
 * a constraint) is written again row by row: the rows it takes are written, each refused row goes
 * to {@code rejected_messages} with the database's reason. Retrying such a row could never
 * succeed, and failing the job for it would stop every other row behind it for good.
 */
final class UpsertWriter<T> implements SinkWriter<T> {

    private static final Logger LOG = LoggerFactory.getLogger(UpsertWriter.class);
    private static final long MAX_RETRY_PAUSE_MS = 10_000;
    /** Rows per INSERT: far below any max_allowed_packet (MariaDB's default is 16 MiB) even for 64 KiB rows. */
    static final int ROWS_PER_STATEMENT = 64;

    private final UpsertTable<T> table;
    private final JdbcSettings settings;
    private final ProcessingTimeService timers;
    private final List<T> buffer = new ArrayList<>();
    private final Counter rowsWritten;
    private final Counter retries;
    private final Counter refusedRows;
    private Connection connection;
    /** The statement of {@link #ROWS_PER_STATEMENT} rows on {@link #connection}, prepared once. */
    private PreparedStatement fullStatement;
    private boolean flushScheduled;

    UpsertWriter(UpsertTable<T> table, JdbcSettings settings, ProcessingTimeService timers, MetricGroup metrics) {
        this.table = table;
        this.settings = settings;
        this.timers = timers;
        MetricGroup group = metrics.addGroup("jdbc", table.table());
        this.rowsWritten = group.counter("rowsWritten");
        this.retries = group.counter("retries");
        this.refusedRows = group.counter("refusedRows");
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
            connection = DatabaseConnections.connect(settings);
            connection.setAutoCommit(false);
        }
        try {
            int full = buffer.size() / ROWS_PER_STATEMENT * ROWS_PER_STATEMENT;
            if (full > 0 && fullStatement == null) {
                fullStatement = connection.prepareStatement(table.sql(ROWS_PER_STATEMENT));
            }
            for (int start = 0; start < full; start += ROWS_PER_STATEMENT) {
                insert(fullStatement, start, ROWS_PER_STATEMENT);
            }
            if (full < buffer.size()) {
                try (PreparedStatement rest = connection.prepareStatement(table.sql(buffer.size() - full))) {
                    insert(rest, full, buffer.size() - full);
                }
            }
            connection.commit();
        } catch (SQLException e) {
            rollback();
            if (!isDataError(e)) {
                throw e;
            }
            writeRowByRow();
        }
    }

    private void insert(PreparedStatement statement, int from, int rows) throws SQLException {
        for (int row = 0; row < rows; row++) {
            table.bind(statement, buffer.get(from + row), row);
        }
        statement.executeUpdate();
    }

    /** The rows one at a time in one transaction; the ones refused for their data become rejects. */
    private void writeRowByRow() throws SQLException {
        List<RejectedMessage> refused = new ArrayList<>();
        Instant now = Instant.ofEpochMilli(timers.getCurrentProcessingTime());
        try (PreparedStatement statement = connection.prepareStatement(table.sql())) {
            for (T record : buffer) {
                table.bind(statement, record);
                try {
                    statement.executeUpdate();
                } catch (SQLException e) {
                    if (!isDataError(e)) {
                        throw e;
                    }
                    String reason = "MySQL refused a row of " + table.table() + ": " + DatabaseConnections.rootMessage(e);
                    refused.add(RejectedMessage.of("sink", "mysql/" + table.table(),
                            String.valueOf(record).getBytes(StandardCharsets.UTF_8), reason, now));
                }
            }
            if (!refused.isEmpty()) {
                try (PreparedStatement rejects = connection.prepareStatement(RejectedMessage.TABLE.sql())) {
                    for (RejectedMessage reject : refused) {
                        RejectedMessage.TABLE.bind(rejects, reject);
                        rejects.addBatch();
                    }
                    rejects.executeBatch();
                }
            }
            connection.commit();
        } catch (SQLException e) {
            rollback();
            throw e;
        }
        if (!refused.isEmpty()) {
            refusedRows.inc(refused.size());
            LOG.warn("{} of {} rows refused by {} ({}); stored in rejected_messages", refused.size(), buffer.size(),
                    table.table(), refused.get(0).reason());
        }
    }

    /** SQLSTATE class 22 (data exception) or 23 (constraint violation): the row, not the connection. */
    static boolean isDataError(SQLException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("22") || sql.getSQLState().startsWith("23"))) {
                return true;
            }
        }
        return false;
    }

    private void rollback() {
        try {
            connection.rollback();
        } catch (SQLException ignored) {
            // the connection is probably gone; it is replaced on the next attempt
        }
    }

    private void closeConnection() {
        if (fullStatement != null) {
            try {
                fullStatement.close();
            } catch (SQLException ignored) {
                // the connection is closed next anyway
            }
            fullStatement = null;
        }
        DatabaseConnections.closeQuietly(connection);
        connection = null;
    }

    /** Never flushes: what is buffered is newer than the last checkpoint and will be replayed. */
    @Override
    public void close() {
        closeConnection();
    }
}

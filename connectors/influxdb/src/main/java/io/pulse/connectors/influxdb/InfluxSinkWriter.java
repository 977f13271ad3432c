package io.pulse.connectors.influxdb;

import io.pulse.connectors.influxdb.write.InfluxWriteClient;
import io.pulse.connectors.influxdb.write.PointBuffer;

import org.apache.flink.api.common.operators.ProcessingTimeService;
import org.apache.flink.api.connector.sink2.SinkWriter;
import org.apache.flink.metrics.groups.SinkWriterMetricGroup;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;

/**
 * Renders each record's points into a buffer and hands the buffer to the {@link BatchSender} in
 * batches: when one is full, when its oldest point has waited a flush interval (checked on every
 * write, and by a processing-time timer while no records come), and in {@link #flush}, which
 * Flink calls before every checkpoint and at the end of input, and which returns only when the
 * server has accepted every point written before it.
 *
 * <p>Buffer, timer and sender calls happen on the task thread (processing-time callbacks run
 * there too), so nothing here is locked. While the server is away, retries hold the one batch in
 * flight and the next {@code send} waits for it: no new records and no checkpoint until then.
 */
final class InfluxSinkWriter<T> implements SinkWriter<T> {

    private static final Logger LOG = LoggerFactory.getLogger(InfluxSinkWriter.class);

    private final InfluxPointMapper<T> mapper;
    private final ProcessingTimeService time;
    private final PointBuffer buffer;
    private final InfluxWriteClient client;
    private final BatchSender sender;
    private final InfluxSinkMetrics metrics;
    private final String name;
    private boolean timerPending;
    private boolean closed;

    InfluxSinkWriter(SinkOptions options, InfluxPointMapper<T> mapper, ProcessingTimeService time,
                     SinkWriterMetricGroup metricGroup, int subtask) {
        this.mapper = mapper;
        this.time = time;
        this.name = "InfluxDB sink writer " + subtask;
        this.buffer = new PointBuffer(options.batchSize(), options.flushInterval().toMillis(), options.precision());
        this.client = new InfluxWriteClient(options.url(), options.token(), options.org(), options.bucket(),
                options.precision(), options.requestTimeout());
        this.metrics = new InfluxSinkMetrics(metricGroup, this::bufferedPoints);
        this.sender = new BatchSender(options, client, metrics, name);
        LOG.info("{} writes to {}", name, options);
    }

    @Override
    public void write(T record, Context context) throws IOException, InterruptedException {
        Iterable<InfluxPoint> points = mapper.toPoints(record);
        if (points == null) {
            return;
        }
        long now = time.getCurrentProcessingTime();
        for (InfluxPoint point : points) {
            buffer.add(point, now);
        }
        if (buffer.isDue(now)) {
            sendBuffered();
        } else {
            scheduleIdleFlush();
        }
    }

    /** Before every checkpoint and at the end of input: everything written, or an exception. */
    @Override
    public void flush(boolean endOfInput) throws IOException, InterruptedException {
        sendBuffered();
        sender.awaitWritten();
    }

    /** One timer at a time, for the oldest buffered point; it re-arms itself for what came later. */
    private void scheduleIdleFlush() {
        if (!timerPending && !buffer.isEmpty()) {
            timerPending = true;
            time.registerTimer(buffer.dueAt(), this::onTimer);
        }
    }

    private void onTimer(long timestamp) throws IOException, InterruptedException {
        timerPending = false;
        if (closed) {
            return;
        }
        if (buffer.isDue(time.getCurrentProcessingTime())) {
            sendBuffered();
        }
        scheduleIdleFlush();
    }

    private void sendBuffered() throws IOException, InterruptedException {
        for (PointBuffer.Batch batch : buffer.drain()) {
            sender.send(batch);
        }
    }

    /** Points not yet accepted by the server: buffered, or in the batch in flight. */
    int bufferedPoints() {
        BatchSender s = sender; // null while the constructor runs, when the gauge already exists
        return buffer.size() + (s == null ? 0 : s.unwrittenPoints());
    }

    InfluxSinkMetrics metrics() {
        return metrics;
    }

    @Override
    public void close() {
        closed = true;
        int unwritten = bufferedPoints();
        if (unwritten > 0) {
            // only after a failure or a cancel: the points come again from the last checkpoint
            LOG.info("{} closes with {} unwritten points; they are replayed from the last checkpoint", name, unwritten);
        }
        sender.close();
        client.close();
    }
}

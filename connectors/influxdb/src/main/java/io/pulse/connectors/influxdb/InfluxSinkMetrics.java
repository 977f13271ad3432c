package io.pulse.connectors.influxdb;

import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.Gauge;
import org.apache.flink.metrics.MetricGroup;
import org.apache.flink.metrics.groups.SinkWriterMetricGroup;

import java.util.function.IntSupplier;

/**
 * The writer's metrics, in the group {@code influxdb}: {@code pointsWritten},
 * {@code writeRetries} (failed requests that were retried), {@code failedWrites} (batches given
 * up on: the job fails after each) and the gauge {@code bufferedPoints} (not yet accepted by the
 * server: buffered or in flight). Points written and points lost also count in Flink's standard
 * {@code numRecordsSend} / {@code numRecordsSendErrors}, and the duration of the last write
 * request (ms) is {@code currentSendTime}. Counters are updated on the sender thread only.
 */
final class InfluxSinkMetrics {

    private final Counter pointsWritten;
    private final Counter writeRetries;
    private final Counter failedWrites;
    private final Counter recordsSend;
    private final Counter recordsSendErrors;
    private volatile long lastWriteMillis;

    InfluxSinkMetrics(SinkWriterMetricGroup group, IntSupplier bufferedPoints) {
        MetricGroup influx = group.addGroup("influxdb");
        this.pointsWritten = influx.counter("pointsWritten");
        this.writeRetries = influx.counter("writeRetries");
        this.failedWrites = influx.counter("failedWrites");
        // read by the metrics reporter thread: a slightly stale size is fine for a gauge
        influx.gauge("bufferedPoints", (Gauge<Integer>) bufferedPoints::getAsInt);
        this.recordsSend = group.getNumRecordsSendCounter();
        this.recordsSendErrors = group.getNumRecordsSendErrorsCounter();
        group.setCurrentSendTimeGauge(() -> lastWriteMillis);
    }

    void written(int points, long millis) {
        pointsWritten.inc(points);
        recordsSend.inc(points);
        lastWriteMillis = millis;
    }

    void retried() {
        writeRetries.inc();
    }

    void failed(int points) {
        failedWrites.inc();
        recordsSendErrors.inc(points);
    }

    long pointsWritten() {
        return pointsWritten.getCount();
    }

    long writeRetries() {
        return writeRetries.getCount();
    }

    long failedWrites() {
        return failedWrites.getCount();
    }
}

package io.pulse.connectors.mqtt.source.reader;

import io.pulse.connectors.mqtt.MqttDeadLetterMapper;
import io.pulse.connectors.mqtt.MqttDeserializer;
import io.pulse.connectors.mqtt.source.MqttSourceOptions;
import io.pulse.connectors.mqtt.source.split.MqttSessionSplit;

import org.apache.flink.api.common.eventtime.Watermark;
import org.apache.flink.api.connector.source.ReaderOutput;
import org.apache.flink.api.connector.source.SourceEvent;
import org.apache.flink.api.connector.source.SourceOutput;
import org.apache.flink.api.connector.source.SourceReaderContext;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.metrics.groups.SourceReaderMetricGroup;
import org.apache.flink.metrics.testutils.MetricListener;
import org.apache.flink.runtime.metrics.groups.InternalSourceReaderMetricGroup;
import org.apache.flink.util.SimpleUserCodeClassLoader;
import org.apache.flink.util.UserCodeClassLoader;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Drives one {@link MqttSourceReader} on the test thread the way a source task does: poll when
 * available, snapshot, notify checkpoint completion. Metrics are readable through a
 * {@link MetricListener}.
 */
final class ReaderHarness<T> implements AutoCloseable {

    final MetricListener metrics = new MetricListener();
    final List<T> records = new ArrayList<>();
    final MqttSourceReader<T> reader;
    private final ReaderOutput<T> output = new ListOutput();

    ReaderHarness(MqttSourceOptions options, MqttDeserializer<T> deserializer, MqttDeadLetterMapper<T> deadLetters, int session) {
        this(options, deserializer, deadLetters, new MqttSessionSplit(session, session + 1));
    }

    ReaderHarness(MqttSourceOptions options, MqttDeserializer<T> deserializer, MqttDeadLetterMapper<T> deadLetters,
                  MqttSessionSplit split) {
        SourceReaderMetricGroup group = InternalSourceReaderMetricGroup.mock(metrics.getMetricGroup());
        reader = new MqttSourceReader<>(new Context(group), options, deserializer, deadLetters);
        reader.start();
        reader.addSplits(List.of(split));
    }

    /** Polls until {@code count} records arrived in total, or fails after the timeout. */
    void pollUntil(int count, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (records.size() < count) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("only " + records.size() + " of " + count + " records within " + timeout + ": " + records);
            }
            try {
                reader.isAvailable().get(100, TimeUnit.MILLISECONDS);
            } catch (java.util.concurrent.TimeoutException idle) {
                continue;
            }
            reader.pollNext(output);
        }
    }

    /** Polls for a while and returns what arrived: for asserting that nothing (more) comes. */
    List<T> pollFor(Duration duration) throws Exception {
        long deadline = System.nanoTime() + duration.toNanos();
        while (System.nanoTime() < deadline) {
            if (reader.isAvailable().isDone()) {
                reader.pollNext(output);
            } else {
                Thread.sleep(20);
            }
        }
        return records;
    }

    /** A checkpoint that completes; returns the splits it holds. */
    List<MqttSessionSplit> checkpoint(long id) throws Exception {
        List<MqttSessionSplit> splits = reader.snapshotState(id);
        reader.notifyCheckpointComplete(id);
        return splits;
    }

    long counter(String name) {
        return metrics.getCounter(MqttSourceMetrics.GROUP, name).orElseThrow().getCount();
    }

    long gauge(String name) {
        return ((Number) metrics.getGauge(MqttSourceMetrics.GROUP, name).orElseThrow().getValue()).longValue();
    }

    /** Waits until a gauge reaches {@code expected} (sessions count and acknowledge on their own threads). */
    void awaitGauge(String name, long expected, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (gauge(name) != expected) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError(name + " is " + gauge(name) + ", expected " + expected + " within " + timeout);
            }
            Thread.sleep(10);
        }
    }

    @Override
    public void close() {
        reader.close();
    }

    private final class ListOutput implements ReaderOutput<T> {
        @Override
        public void collect(T record) {
            records.add(record);
        }

        @Override
        public void collect(T record, long timestamp) {
            records.add(record);
        }

        @Override
        public void emitWatermark(Watermark watermark) {}

        @Override
        public void markIdle() {}

        @Override
        public void markActive() {}

        @Override
        public SourceOutput<T> createOutputForSplit(String splitId) {
            return this;
        }

        @Override
        public void releaseOutputForSplit(String splitId) {}
    }

    private static final class Context implements SourceReaderContext {
        private final SourceReaderMetricGroup group;

        Context(SourceReaderMetricGroup group) {
            this.group = group;
        }

        @Override
        public SourceReaderMetricGroup metricGroup() {
            return group;
        }

        @Override
        public Configuration getConfiguration() {
            return new Configuration();
        }

        @Override
        public String getLocalHostName() {
            return "localhost";
        }

        @Override
        public int getIndexOfSubtask() {
            return 0;
        }

        @Override
        public void sendSplitRequest() {}

        @Override
        public void sendSourceEventToCoordinator(SourceEvent sourceEvent) {}

        @Override
        public UserCodeClassLoader getUserCodeClassLoader() {
            return SimpleUserCodeClassLoader.create(getClass().getClassLoader());
        }
    }
}

package io.pulse.connectors.mqtt.source.reader;

import io.pulse.connectors.mqtt.MqttDeadLetterMapper;
import io.pulse.connectors.mqtt.MqttDeliveryGuarantee;
import io.pulse.connectors.mqtt.MqttDeserializer;
import io.pulse.connectors.mqtt.MqttMessage;
import io.pulse.connectors.mqtt.source.MqttSourceOptions;
import io.pulse.connectors.mqtt.source.split.MqttSessionSplit;

import org.apache.flink.api.connector.source.ReaderOutput;
import org.apache.flink.api.connector.source.SourceReader;
import org.apache.flink.api.connector.source.SourceReaderContext;
import org.apache.flink.connector.base.source.reader.synchronization.FutureCompletingBlockingQueue;
import org.apache.flink.core.io.InputStatus;
import org.apache.flink.util.Collector;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;

/**
 * Reads the sessions assigned to this subtask. Messages arrive through a bounded hand-over queue;
 * each is deserialized and emitted on the task thread, then either acknowledged at once
 * ({@link MqttDeliveryGuarantee#AT_MOST_ONCE}) or held until the checkpoint that covers it
 * completes ({@link MqttDeliveryGuarantee#AT_LEAST_ONCE}). A message the deserializer refuses is
 * a dead letter: counted, optionally turned into a record, and acknowledged like the others.
 */
public final class MqttSourceReader<T> implements SourceReader<T, MqttSessionSplit> {

    private static final Logger LOG = LoggerFactory.getLogger(MqttSourceReader.class);
    private static final int HANDOVER_CAPACITY = 8_192;

    private final MqttSourceOptions options;
    private final MqttDeserializer<T> deserializer;
    private final MqttDeadLetterMapper<T> deadLetterMapper;
    private final FutureCompletingBlockingQueue<Delivery> handover;
    private final Map<Integer, MqttSession> sessions = new TreeMap<>();
    private final PendingAcknowledgements<Delivery> pending = new PendingAcknowledgements<>();
    private final MqttSourceMetrics metrics;
    private final List<T> buffer = new ArrayList<>();
    private final Collector<T> bufferCollector = new Collector<>() {
        @Override
        public void collect(T record) {
            buffer.add(record);
        }

        @Override
        public void close() {}
    };

    public MqttSourceReader(
            SourceReaderContext context,
            MqttSourceOptions options,
            MqttDeserializer<T> deserializer,
            MqttDeadLetterMapper<T> deadLetterMapper) {
        this.options = options;
        this.deserializer = deserializer;
        this.deadLetterMapper = deadLetterMapper;
        // A full queue blocks the sessions' callback threads, and the client stops reading:
        // backpressure. Receive Maximum separately bounds what is unacknowledged per session.
        this.handover = new FutureCompletingBlockingQueue<>(Math.min(options.receiveMaximum(), HANDOVER_CAPACITY));
        this.metrics = new MqttSourceMetrics(
                context.metricGroup(),
                pending::size,
                () -> sessions.values().stream().mapToLong(s -> s.state().reconnects()).sum(),
                () -> sessions.values().stream().filter(s -> s.state().connected()).count());
    }

    @Override
    public void start() {}

    @Override
    public void addSplits(List<MqttSessionSplit> splits) {
        for (MqttSessionSplit split : splits) {
            if (sessions.containsKey(split.sessionIndex())) {
                continue;
            }
            MqttSession session = new MqttSession(options, split, handover);
            sessions.put(split.sessionIndex(), session);
            session.open();
        }
    }

    @Override
    public InputStatus pollNext(ReaderOutput<T> output) {
        Delivery delivery = handover.poll();
        if (delivery == null) {
            return InputStatus.NOTHING_AVAILABLE;
        }
        metrics.received.inc();
        emit(delivery.toMessage(), output);
        if (options.deliveryGuarantee() == MqttDeliveryGuarantee.AT_MOST_ONCE) {
            if (delivery.acknowledge()) {
                metrics.acknowledged.inc();
            }
        } else {
            pending.add(delivery);
        }
        return handover.isEmpty() ? InputStatus.NOTHING_AVAILABLE : InputStatus.MORE_AVAILABLE;
    }

    private void emit(MqttMessage message, ReaderOutput<T> output) {
        buffer.clear();
        try {
            deserializer.deserialize(message, bufferCollector);
        } catch (Exception e) {
            deadLetter(message, e, output);
            return;
        }
        for (T record : buffer) {
            output.collect(record);
        }
    }

    private void deadLetter(MqttMessage message, Exception cause, ReaderOutput<T> output) {
        metrics.deadLetter();
        String reason = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
        long count = metrics.deadLetters.getCount();
        // Log the first few and then a sample, so a flood of bad input cannot flood the log.
        if (count <= 10 || count % 1000 == 0) {
            LOG.warn("dead letter #{} on topic '{}': {}", count, message.topic(), reason);
        }
        if (deadLetterMapper != null) {
            output.collect(deadLetterMapper.toRecord(message, reason));
        }
    }

    @Override
    public List<MqttSessionSplit> snapshotState(long checkpointId) {
        pending.seal(checkpointId);
        List<MqttSessionSplit> splits = new ArrayList<>();
        sessions.values().forEach(session -> splits.add(session.split()));
        return splits;
    }

    @Override
    public void notifyCheckpointComplete(long checkpointId) {
        int acknowledged = pending.acknowledgeUpTo(checkpointId, Delivery::acknowledge);
        metrics.acknowledged.inc(acknowledged);
    }

    @Override
    public CompletableFuture<Void> isAvailable() {
        return handover.getAvailabilityFuture();
    }

    @Override
    public void notifyNoMoreSplits() {}

    @Override
    public void close() {
        sessions.values().forEach(MqttSession::close);
        sessions.clear();
    }
}

package io.pulse.connectors.mqtt.source.reader;

import io.pulse.connectors.mqtt.MqttDeadLetterMapper;
import io.pulse.connectors.mqtt.MqttDeserializer;
import io.pulse.connectors.mqtt.MqttMessage;
import io.pulse.connectors.mqtt.source.MqttSourceOptions;
import io.pulse.connectors.mqtt.source.spool.SessionSpool;
import io.pulse.connectors.mqtt.source.spool.SpoolPosition;
import io.pulse.connectors.mqtt.source.split.MqttSessionSplit;

import org.apache.flink.api.connector.source.ReaderOutput;
import org.apache.flink.api.connector.source.SourceReader;
import org.apache.flink.api.connector.source.SourceReaderContext;
import org.apache.flink.core.io.InputStatus;
import org.apache.flink.util.Collector;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentSkipListMap;

/**
 * Reads the sessions assigned to this subtask from their spools, in order, on the task thread; see
 * {@link MqttSession} for how messages get there. A snapshot records each session's spool position;
 * when that checkpoint completes, the spool before it is deleted, and a restore continues from it.
 * A message the deserializer refuses is a dead letter: counted and optionally turned into a record.
 */
public final class MqttSourceReader<T> implements SourceReader<T, MqttSessionSplit> {

    private static final Logger LOG = LoggerFactory.getLogger(MqttSourceReader.class);
    /** Messages read from one session before the next one gets its turn. */
    private static final int TURN = 256;

    private final MqttSourceOptions options;
    private final MqttDeserializer<T> deserializer;
    private final MqttDeadLetterMapper<T> deadLetterMapper;
    private final Map<Integer, MqttSession> sessions = new ConcurrentSkipListMap<>();
    private final List<MqttSession> order = new ArrayList<>();
    private final TreeMap<Long, Map<Integer, SpoolPosition>> snapshots = new TreeMap<>();
    private final ReaderAvailability availability = new ReaderAvailability();
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
    private int turn;
    private int readInTurn;

    public MqttSourceReader(
            SourceReaderContext context,
            MqttSourceOptions options,
            MqttDeserializer<T> deserializer,
            MqttDeadLetterMapper<T> deadLetterMapper) {
        this.options = options;
        this.deserializer = deserializer;
        this.deadLetterMapper = deadLetterMapper;
        this.metrics = new MqttSourceMetrics(context.metricGroup(), sessions::values);
    }

    @Override
    public void start() {}

    @Override
    public void addSplits(List<MqttSessionSplit> splits) {
        for (MqttSessionSplit split : splits) {
            if (sessions.containsKey(split.sessionIndex())) {
                continue;
            }
            String clientId = split.clientId(options.clientIdPrefix());
            SessionSpool spool;
            try {
                spool = SessionSpool.open(options.spoolFolder(clientId), split.position(), options.spoolSettings());
            } catch (IOException e) {
                throw new IllegalStateException("MQTT session '" + clientId + "' cannot open its spool: " + e.getMessage(), e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while opening the spool of MQTT session '" + clientId + "'", e);
            }
            MqttSession session = new MqttSession(options, split, spool, availability::signal);
            sessions.put(split.sessionIndex(), session);
            order.add(session);
            session.open();
        }
    }

    @Override
    public InputStatus pollNext(ReaderOutput<T> output) throws IOException {
        for (int tried = 0; tried <= order.size(); tried++) {
            if (order.isEmpty()) {
                break;
            }
            MqttSession session = order.get(turn % order.size());
            MqttMessage message = readInTurn < TURN ? session.spool().next() : null;
            if (message != null) {
                readInTurn++;
                metrics.emitted.inc();
                emit(message, output);
                return InputStatus.MORE_AVAILABLE;
            }
            session.checkFailure();
            turn++;
            readInTurn = 0;
        }
        availability.reset();
        for (MqttSession session : order) {
            session.checkFailure();
            if (session.spool().hasNext()) {
                return InputStatus.MORE_AVAILABLE;
            }
        }
        return InputStatus.NOTHING_AVAILABLE;
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
        List<MqttSessionSplit> splits = new ArrayList<>();
        Map<Integer, SpoolPosition> positions = new HashMap<>();
        for (MqttSession session : sessions.values()) {
            SpoolPosition position = session.spool().position();
            positions.put(session.split().sessionIndex(), position);
            splits.add(session.split().at(position));
        }
        snapshots.put(checkpointId, positions);
        return splits;
    }

    /** The spool before a completed checkpoint's positions is no longer needed for any restore. */
    @Override
    public void notifyCheckpointComplete(long checkpointId) throws IOException {
        Map<Integer, SpoolPosition> latest = new HashMap<>();
        Iterator<Map<Integer, SpoolPosition>> covered = snapshots.headMap(checkpointId, true).values().iterator();
        while (covered.hasNext()) {
            latest.putAll(covered.next());
            covered.remove();
        }
        for (Map.Entry<Integer, SpoolPosition> position : latest.entrySet()) {
            MqttSession session = sessions.get(position.getKey());
            if (session != null) {
                session.spool().release(position.getValue());
            }
        }
    }

    @Override
    public CompletableFuture<Void> isAvailable() {
        return availability.future();
    }

    @Override
    public void notifyNoMoreSplits() {}

    @Override
    public void close() {
        sessions.values().forEach(MqttSession::close);
        sessions.clear();
        order.clear();
    }
}

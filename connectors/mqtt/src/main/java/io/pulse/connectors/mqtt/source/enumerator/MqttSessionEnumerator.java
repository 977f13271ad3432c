package io.pulse.connectors.mqtt.source.enumerator;

import io.pulse.connectors.mqtt.source.MqttSubscriptions;
import io.pulse.connectors.mqtt.source.RecordMethodCaches;
import io.pulse.connectors.mqtt.source.split.MqttSessionSplit;

import org.apache.flink.api.connector.source.SplitEnumerator;
import org.apache.flink.api.connector.source.SplitEnumeratorContext;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Gives reader {@code i} session {@code i} of {@code parallelism} the first time it registers, and
 * hands sessions that came back after a failure to reader {@code session % parallelism}. Readers keep their sessions
 * in their own checkpointed state, so after a restore nothing needs assigning.
 */
public final class MqttSessionEnumerator implements SplitEnumerator<MqttSessionSplit, MqttEnumeratorState> {

    private final SplitEnumeratorContext<MqttSessionSplit> context;
    private final String clientIdPrefix;
    private final Map<Integer, Integer> assigned;
    private final Map<Integer, Integer> unassigned;
    private MqttSubscriptions.Started started;

    public MqttSessionEnumerator(SplitEnumeratorContext<MqttSessionSplit> context, MqttEnumeratorState restored,
                                 String clientIdPrefix) {
        this.context = context;
        this.clientIdPrefix = clientIdPrefix;
        this.assigned = new HashMap<>(restored.assigned());
        this.unassigned = new HashMap<>(restored.unassigned());
    }

    @Override
    public void start() {
        started = MqttSubscriptions.sourceStarted(clientIdPrefix, Math.max(context.currentParallelism(), assigned.size() + unassigned.size()));
    }

    @Override
    public void addReader(int subtaskId) {
        List<MqttSessionSplit> splits = new ArrayList<>();
        int parallelism = context.currentParallelism();
        if (!assigned.containsKey(subtaskId) && !unassigned.containsKey(subtaskId)) {
            splits.add(new MqttSessionSplit(subtaskId, Math.max(parallelism, subtaskId + 1)));
        }
        for (Map.Entry<Integer, Integer> session : List.copyOf(unassigned.entrySet())) {
            if (session.getKey() % parallelism == subtaskId) {
                splits.add(new MqttSessionSplit(session.getKey(), session.getValue()));
            }
        }
        for (MqttSessionSplit split : splits) {
            unassigned.remove(split.sessionIndex());
            assigned.put(split.sessionIndex(), split.sessionCount());
            context.assignSplit(split, subtaskId);
        }
    }

    @Override
    public void addSplitsBack(List<MqttSessionSplit> splits, int subtaskId) {
        for (MqttSessionSplit split : splits) {
            assigned.remove(split.sessionIndex());
            unassigned.put(split.sessionIndex(), split.sessionCount());
        }
        if (context.registeredReaders().containsKey(subtaskId)) {
            addReader(subtaskId);
        }
    }

    @Override
    public void handleSplitRequest(int subtaskId, String requesterHostname) {
        // Sessions are pushed on registration; readers never ask.
    }

    @Override
    public MqttEnumeratorState snapshotState(long checkpointId) {
        return new MqttEnumeratorState(assigned, unassigned);
    }

    @Override
    public void close() {
        if (started != null) {
            MqttSubscriptions.sourceClosed(clientIdPrefix, started);
        }
        // Flink hashed and logged the splits here, in the JobManager: Java 17 would keep the job's class loader.
        RecordMethodCaches.reset();
    }
}

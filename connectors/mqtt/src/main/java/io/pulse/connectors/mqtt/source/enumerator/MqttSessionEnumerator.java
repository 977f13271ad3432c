package io.pulse.connectors.mqtt.source.enumerator;

import io.pulse.connectors.mqtt.source.split.MqttSessionSplit;

import org.apache.flink.api.connector.source.SplitEnumerator;
import org.apache.flink.api.connector.source.SplitEnumeratorContext;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Gives reader {@code i} session {@code i} the first time it registers, and hands sessions that
 * came back after a failure to reader {@code session % parallelism}. Readers keep their sessions
 * in their own checkpointed state, so after a restore nothing needs assigning.
 */
public final class MqttSessionEnumerator implements SplitEnumerator<MqttSessionSplit, MqttEnumeratorState> {

    private final SplitEnumeratorContext<MqttSessionSplit> context;
    private final Set<Integer> assigned;
    private final Set<Integer> unassigned;

    public MqttSessionEnumerator(SplitEnumeratorContext<MqttSessionSplit> context, MqttEnumeratorState restored) {
        this.context = context;
        this.assigned = new HashSet<>(restored.assigned());
        this.unassigned = new HashSet<>(restored.unassigned());
    }

    @Override
    public void start() {}

    @Override
    public void addReader(int subtaskId) {
        List<MqttSessionSplit> splits = new ArrayList<>();
        if (!assigned.contains(subtaskId) && !unassigned.contains(subtaskId)) {
            splits.add(new MqttSessionSplit(subtaskId));
        }
        int parallelism = context.currentParallelism();
        for (int session : List.copyOf(unassigned)) {
            if (session % parallelism == subtaskId) {
                splits.add(new MqttSessionSplit(session));
            }
        }
        for (MqttSessionSplit split : splits) {
            unassigned.remove(split.sessionIndex());
            assigned.add(split.sessionIndex());
            context.assignSplit(split, subtaskId);
        }
    }

    @Override
    public void addSplitsBack(List<MqttSessionSplit> splits, int subtaskId) {
        for (MqttSessionSplit split : splits) {
            assigned.remove(split.sessionIndex());
            unassigned.add(split.sessionIndex());
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
    public void close() {}
}

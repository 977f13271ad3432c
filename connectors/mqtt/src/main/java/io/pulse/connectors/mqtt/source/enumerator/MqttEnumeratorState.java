package io.pulse.connectors.mqtt.source.enumerator;

import java.util.Map;
import java.util.TreeMap;

/**
 * Which sessions exist and are owned by a reader ({@code assigned}), and which were handed back
 * after a failure and wait for an owner ({@code unassigned}), each with the number of sessions
 * that divided the topics when it was created. Sessions are never forgotten: a session that
 * exists on the broker may hold messages.
 */
public record MqttEnumeratorState(Map<Integer, Integer> assigned, Map<Integer, Integer> unassigned) {

    public MqttEnumeratorState {
        assigned = Map.copyOf(new TreeMap<>(assigned));
        unassigned = Map.copyOf(new TreeMap<>(unassigned));
    }

    public static MqttEnumeratorState empty() {
        return new MqttEnumeratorState(Map.of(), Map.of());
    }
}

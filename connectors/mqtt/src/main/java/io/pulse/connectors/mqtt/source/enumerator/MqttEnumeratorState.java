package io.pulse.connectors.mqtt.source.enumerator;

import java.util.Set;
import java.util.TreeSet;

/**
 * Which sessions exist and are owned by a reader ({@code assigned}), and which were handed back
 * after a failure and wait for an owner ({@code unassigned}). Sessions are never forgotten:
 * a session that exists on the broker may hold messages.
 */
public record MqttEnumeratorState(Set<Integer> assigned, Set<Integer> unassigned) {

    public MqttEnumeratorState {
        assigned = Set.copyOf(new TreeSet<>(assigned));
        unassigned = Set.copyOf(new TreeSet<>(unassigned));
    }

    public static MqttEnumeratorState empty() {
        return new MqttEnumeratorState(Set.of(), Set.of());
    }
}

package io.pulse.connectors.mqtt.source.enumerator;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.Arrays;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MqttEnumeratorStateSerializerTest {

    private final MqttEnumeratorStateSerializer serializer = new MqttEnumeratorStateSerializer();

    @Test
    void roundTripsEmptyAndFilledStates() throws IOException {
        for (MqttEnumeratorState state : new MqttEnumeratorState[] {
                MqttEnumeratorState.empty(),
                new MqttEnumeratorState(Set.of(0, 1, 2, 3), Set.of()),
                new MqttEnumeratorState(Set.of(0), Set.of(5, 9))}) {
            byte[] bytes = serializer.serialize(state);
            assertThat(serializer.deserialize(serializer.getVersion(), bytes)).isEqualTo(state);
        }
    }

    @Test
    void serializesDeterministically() throws IOException {
        byte[] a = serializer.serialize(new MqttEnumeratorState(Set.of(3, 1, 2), Set.of(9, 8)));
        byte[] b = serializer.serialize(new MqttEnumeratorState(Set.of(1, 2, 3), Set.of(8, 9)));
        assertThat(a).isEqualTo(b);
    }

    @Test
    void refusesUnknownVersionsAndCorruptBytes() throws IOException {
        byte[] bytes = serializer.serialize(new MqttEnumeratorState(Set.of(1), Set.of(2)));
        assertThatThrownBy(() -> serializer.deserialize(2, bytes)).isInstanceOf(IOException.class).hasMessageContaining("version 2");
        byte[] trailing = Arrays.copyOf(bytes, bytes.length + 3);
        assertThatThrownBy(() -> serializer.deserialize(1, trailing)).isInstanceOf(IOException.class).hasMessageContaining("trailing");
        byte[] truncated = Arrays.copyOf(bytes, bytes.length - 2);
        assertThatThrownBy(() -> serializer.deserialize(1, truncated)).isInstanceOf(IOException.class);
    }
}

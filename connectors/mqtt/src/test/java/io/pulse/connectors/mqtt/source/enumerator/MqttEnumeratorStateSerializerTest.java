package io.pulse.connectors.mqtt.source.enumerator;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MqttEnumeratorStateSerializerTest {

    private final MqttEnumeratorStateSerializer serializer = new MqttEnumeratorStateSerializer();

    @Test
    void roundTripsEmptyAndFilledStates() throws IOException {
        for (MqttEnumeratorState state : new MqttEnumeratorState[] {
                MqttEnumeratorState.empty(),
                new MqttEnumeratorState(Map.of(0, 4, 1, 4, 2, 4, 3, 4), Map.of()),
                new MqttEnumeratorState(Map.of(0, 2), Map.of(5, 6, 9, 10))}) {
            byte[] bytes = serializer.serialize(state);
            assertThat(serializer.deserialize(serializer.getVersion(), bytes)).isEqualTo(state);
        }
    }

    @Test
    void readsVersion1StatesFromBeforeTheSpool() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeInt(2);
            out.writeInt(0);
            out.writeInt(1);
            out.writeInt(1);
            out.writeInt(3);
        }
        assertThat(serializer.deserialize(1, bytes.toByteArray()))
                .isEqualTo(new MqttEnumeratorState(Map.of(0, 1, 1, 2), Map.of(3, 4)));
    }

    @Test
    void serializesDeterministically() throws IOException {
        byte[] a = serializer.serialize(new MqttEnumeratorState(Map.of(3, 4, 1, 4, 2, 4), Map.of(9, 10, 8, 10)));
        byte[] b = serializer.serialize(new MqttEnumeratorState(Map.of(1, 4, 2, 4, 3, 4), Map.of(8, 10, 9, 10)));
        assertThat(a).isEqualTo(b);
    }

    @Test
    void refusesUnknownVersionsAndCorruptBytes() throws IOException {
        byte[] bytes = serializer.serialize(new MqttEnumeratorState(Map.of(1, 2), Map.of(2, 3)));
        assertThatThrownBy(() -> serializer.deserialize(3, bytes)).isInstanceOf(IOException.class).hasMessageContaining("version 3");
        byte[] trailing = Arrays.copyOf(bytes, bytes.length + 3);
        assertThatThrownBy(() -> serializer.deserialize(2, trailing)).isInstanceOf(IOException.class).hasMessageContaining("trailing");
        byte[] truncated = Arrays.copyOf(bytes, bytes.length - 2);
        assertThatThrownBy(() -> serializer.deserialize(2, truncated)).isInstanceOf(IOException.class);
    }
}

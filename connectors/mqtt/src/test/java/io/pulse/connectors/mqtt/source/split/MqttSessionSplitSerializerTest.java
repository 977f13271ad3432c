package io.pulse.connectors.mqtt.source.split;

import org.junit.jupiter.api.Test;

import java.io.IOException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MqttSessionSplitSerializerTest {

    private final MqttSessionSplitSerializer serializer = new MqttSessionSplitSerializer();

    @Test
    void roundTripsEverySessionIndex() throws IOException {
        for (int index : new int[] {0, 1, 7, 255, 65_536, Integer.MAX_VALUE}) {
            MqttSessionSplit split = new MqttSessionSplit(index);
            MqttSessionSplit restored = serializer.deserialize(serializer.getVersion(), serializer.serialize(split));
            assertThat(restored).isEqualTo(split);
            assertThat(restored.splitId()).isEqualTo("session-" + index);
            assertThat(restored.clientId("pulse-telemetry")).isEqualTo("pulse-telemetry-" + index);
        }
    }

    @Test
    void refusesUnknownVersionsAndCorruptBytes() {
        byte[] bytes = serializer.serialize(new MqttSessionSplit(3));
        assertThatThrownBy(() -> serializer.deserialize(99, bytes)).isInstanceOf(IOException.class).hasMessageContaining("version 99");
        assertThatThrownBy(() -> serializer.deserialize(1, new byte[] {1, 2})).isInstanceOf(IOException.class).hasMessageContaining("corrupt");
    }
}

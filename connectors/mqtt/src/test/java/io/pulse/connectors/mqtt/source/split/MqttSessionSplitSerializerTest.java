package io.pulse.connectors.mqtt.source.split;

import io.pulse.connectors.mqtt.source.spool.SpoolPosition;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.ByteBuffer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MqttSessionSplitSerializerTest {

    private final MqttSessionSplitSerializer serializer = new MqttSessionSplitSerializer();

    @Test
    void roundTripsSessionsWithAndWithoutASpoolPosition() throws IOException {
        for (MqttSessionSplit split : new MqttSessionSplit[] {
                new MqttSessionSplit(0, 1),
                new MqttSessionSplit(7, 8, new SpoolPosition(1, 0)),
                new MqttSessionSplit(65_536, Integer.MAX_VALUE, new SpoolPosition(Long.MAX_VALUE, 123_456_789_012L))}) {
            MqttSessionSplit restored = serializer.deserialize(serializer.getVersion(), serializer.serialize(split));
            assertThat(restored).isEqualTo(split);
            assertThat(restored.splitId()).isEqualTo("session-" + split.sessionIndex());
            assertThat(restored.clientId("pulse-telemetry")).isEqualTo("pulse-telemetry-" + split.sessionIndex());
        }
    }

    @Test
    void readsVersion1SplitsFromBeforeTheSpool() throws IOException {
        byte[] v1 = ByteBuffer.allocate(4).putInt(3).array();
        assertThat(serializer.deserialize(1, v1)).isEqualTo(new MqttSessionSplit(3, 4));
    }

    @Test
    void aTopicBelongsToExactlyOneOfTheSessions() {
        for (String topic : new String[] {"devices/S1/telemetry", "devices/workshop-04/telemetry", "a", ""}) {
            int owners = 0;
            for (int i = 0; i < 5; i++) {
                owners += new MqttSessionSplit(i, 5).owns(topic) ? 1 : 0;
            }
            assertThat(owners).as(topic).isEqualTo(1);
        }
    }

    @Test
    void refusesUnknownVersionsAndCorruptBytes() {
        byte[] bytes = serializer.serialize(new MqttSessionSplit(3, 4));
        assertThatThrownBy(() -> serializer.deserialize(99, bytes)).isInstanceOf(IOException.class).hasMessageContaining("version 99");
        assertThatThrownBy(() -> serializer.deserialize(2, new byte[] {1, 2})).isInstanceOf(IOException.class).hasMessageContaining("corrupt");
        assertThatThrownBy(() -> new MqttSessionSplit(2, 2)).hasMessageContaining("not a valid session");
    }
}

package io.pulse.connectors.mqtt.source.split;

import org.apache.flink.core.io.SimpleVersionedSerializer;

import java.io.IOException;
import java.nio.ByteBuffer;

/** Version 1: the session index as a big-endian int. */
public final class MqttSessionSplitSerializer implements SimpleVersionedSerializer<MqttSessionSplit> {

    public static final int VERSION = 1;

    @Override
    public int getVersion() {
        return VERSION;
    }

    @Override
    public byte[] serialize(MqttSessionSplit split) {
        return ByteBuffer.allocate(Integer.BYTES).putInt(split.sessionIndex()).array();
    }

    @Override
    public MqttSessionSplit deserialize(int version, byte[] serialized) throws IOException {
        if (version != VERSION) {
            throw new IOException("unknown MQTT split serializer version " + version + " (this build reads " + VERSION + ")");
        }
        if (serialized.length != Integer.BYTES) {
            throw new IOException("corrupt MQTT split: " + serialized.length + " bytes, expected " + Integer.BYTES);
        }
        return new MqttSessionSplit(ByteBuffer.wrap(serialized).getInt());
    }
}

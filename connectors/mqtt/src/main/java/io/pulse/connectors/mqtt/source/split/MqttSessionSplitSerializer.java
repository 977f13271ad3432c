package io.pulse.connectors.mqtt.source.split;

import io.pulse.connectors.mqtt.source.spool.SpoolPosition;

import org.apache.flink.core.io.SimpleVersionedSerializer;

import java.io.IOException;
import java.nio.ByteBuffer;

/**
 * Version 2: session index, session count, then the spool position (segment, offset; 0, 0 for
 * none), big-endian. Version 1 (the index alone, from before the spool) is still read.
 */
public final class MqttSessionSplitSerializer implements SimpleVersionedSerializer<MqttSessionSplit> {

    public static final int VERSION = 2;
    private static final int V2_BYTES = 2 * Integer.BYTES + 2 * Long.BYTES;

    @Override
    public int getVersion() {
        return VERSION;
    }

    @Override
    public byte[] serialize(MqttSessionSplit split) {
        SpoolPosition position = split.position();
        return ByteBuffer.allocate(V2_BYTES)
                .putInt(split.sessionIndex())
                .putInt(split.sessionCount())
                .putLong(position == null ? 0 : position.segment())
                .putLong(position == null ? 0 : position.offset())
                .array();
    }

    @Override
    public MqttSessionSplit deserialize(int version, byte[] serialized) throws IOException {
        ByteBuffer in = ByteBuffer.wrap(serialized);
        if (version == 1 && serialized.length == Integer.BYTES) {
            int index = in.getInt();
            return new MqttSessionSplit(index, index + 1); // v1 sessions shared by subscription: no topic division known
        }
        if (version != VERSION) {
            throw new IOException("unknown MQTT split serializer version " + version + " (this build reads 1 and " + VERSION + ")");
        }
        if (serialized.length != V2_BYTES) {
            throw new IOException("corrupt MQTT split: " + serialized.length + " bytes, expected " + V2_BYTES);
        }
        int index = in.getInt();
        int count = in.getInt();
        long segment = in.getLong();
        long offset = in.getLong();
        return new MqttSessionSplit(index, count, segment == 0 ? null : new SpoolPosition(segment, offset));
    }
}

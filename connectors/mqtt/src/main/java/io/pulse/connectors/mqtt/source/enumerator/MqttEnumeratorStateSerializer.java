package io.pulse.connectors.mqtt.source.enumerator;

import org.apache.flink.core.io.SimpleVersionedSerializer;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * Version 2: count + (session index, session count) pairs of {@code assigned}, then the same for
 * {@code unassigned}. Version 1 (indices only) is still read.
 */
public final class MqttEnumeratorStateSerializer implements SimpleVersionedSerializer<MqttEnumeratorState> {

    public static final int VERSION = 2;

    @Override
    public int getVersion() {
        return VERSION;
    }

    @Override
    public byte[] serialize(MqttEnumeratorState state) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            writeSessions(out, state.assigned());
            writeSessions(out, state.unassigned());
        }
        return bytes.toByteArray();
    }

    @Override
    public MqttEnumeratorState deserialize(int version, byte[] serialized) throws IOException {
        if (version != 1 && version != VERSION) {
            throw new IOException("unknown MQTT enumerator state version " + version + " (this build reads 1 and " + VERSION + ")");
        }
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(serialized))) {
            Map<Integer, Integer> assigned = readSessions(in, version);
            Map<Integer, Integer> unassigned = readSessions(in, version);
            if (in.available() > 0) {
                throw new IOException("corrupt MQTT enumerator state: " + in.available() + " trailing bytes");
            }
            return new MqttEnumeratorState(assigned, unassigned);
        }
    }

    private static void writeSessions(DataOutputStream out, Map<Integer, Integer> sessions) throws IOException {
        out.writeInt(sessions.size());
        for (Map.Entry<Integer, Integer> session : new TreeMap<>(sessions).entrySet()) {
            out.writeInt(session.getKey());
            out.writeInt(session.getValue());
        }
    }

    private static Map<Integer, Integer> readSessions(DataInputStream in, int version) throws IOException {
        int size = in.readInt();
        if (size < 0) {
            throw new IOException("corrupt MQTT enumerator state: negative count " + size);
        }
        Map<Integer, Integer> sessions = new HashMap<>();
        for (int i = 0; i < size; i++) {
            int index = in.readInt();
            // Version 1 sessions shared a subscription; as one of index + 1 they keep their own share or more.
            sessions.put(index, version == 1 ? index + 1 : in.readInt());
        }
        return sessions;
    }
}

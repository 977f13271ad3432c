package io.pulse.connectors.mqtt.source.enumerator;

import org.apache.flink.core.io.SimpleVersionedSerializer;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.HashSet;
import java.util.Set;
import java.util.TreeSet;

/** Version 1: count + session indices of {@code assigned}, then the same for {@code unassigned}. */
public final class MqttEnumeratorStateSerializer implements SimpleVersionedSerializer<MqttEnumeratorState> {

    public static final int VERSION = 1;

    @Override
    public int getVersion() {
        return VERSION;
    }

    @Override
    public byte[] serialize(MqttEnumeratorState state) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            writeSet(out, state.assigned());
            writeSet(out, state.unassigned());
        }
        return bytes.toByteArray();
    }

    @Override
    public MqttEnumeratorState deserialize(int version, byte[] serialized) throws IOException {
        if (version != VERSION) {
            throw new IOException("unknown MQTT enumerator state version " + version + " (this build reads " + VERSION + ")");
        }
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(serialized))) {
            Set<Integer> assigned = readSet(in);
            Set<Integer> unassigned = readSet(in);
            if (in.available() > 0) {
                throw new IOException("corrupt MQTT enumerator state: " + in.available() + " trailing bytes");
            }
            return new MqttEnumeratorState(assigned, unassigned);
        }
    }

    private static void writeSet(DataOutputStream out, Set<Integer> sessions) throws IOException {
        out.writeInt(sessions.size());
        for (int session : new TreeSet<>(sessions)) {
            out.writeInt(session);
        }
    }

    private static Set<Integer> readSet(DataInputStream in) throws IOException {
        int count = in.readInt();
        if (count < 0) {
            throw new IOException("corrupt MQTT enumerator state: negative count " + count);
        }
        Set<Integer> sessions = new HashSet<>();
        for (int i = 0; i < count; i++) {
            sessions.add(in.readInt());
        }
        return sessions;
    }
}

package io.pulse.jobs.serialization;

import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;

import java.io.IOException;

/**
 * The jobs' string keys (devices, meters, people, gates) in {@link Fields}' string format: state
 * snapshots write every key, and every timer's key, once per checkpoint with the heap backend,
 * and RocksDB serializes the key on every access.
 */
public final class StringKeySerializer extends RecordSerializer<String> {

    private static final long serialVersionUID = 1L;

    public static final StringKeySerializer INSTANCE = new StringKeySerializer();

    private StringKeySerializer() {}

    @Override
    public void serialize(String key, DataOutputView target) throws IOException {
        Fields.string(key, target);
    }

    @Override
    public String deserialize(DataInputView source) throws IOException {
        return Fields.string(source);
    }
}

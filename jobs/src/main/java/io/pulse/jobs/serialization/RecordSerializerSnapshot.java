package io.pulse.jobs.serialization;

import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.api.common.typeutils.TypeSerializerSchemaCompatibility;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;

import java.io.IOException;

/**
 * The snapshot of every {@link RecordSerializer}: it has no configuration, so the snapshot is the
 * serializer's class name, and a restore takes that class's {@code INSTANCE}. Version 2: strings
 * in {@link Fields}' UTF-8 format; state written with version 1 (Flink's string format) is
 * incompatible, so a restore of it fails with Flink's message instead of misreading it.
 */
public final class RecordSerializerSnapshot<T> implements TypeSerializerSnapshot<T> {

    private static final int CURRENT_VERSION = 2;

    private RecordSerializer<T> serializer;
    private int version = CURRENT_VERSION;

    /** For a restore, which then reads the class name. */
    public RecordSerializerSnapshot() {}

    RecordSerializerSnapshot(RecordSerializer<T> serializer) {
        this.serializer = serializer;
    }

    @Override
    public int getCurrentVersion() {
        return CURRENT_VERSION;
    }

    @Override
    public void writeSnapshot(DataOutputView out) throws IOException {
        out.writeUTF(serializer.getClass().getName());
    }

    @Override
    @SuppressWarnings("unchecked")
    public void readSnapshot(int readVersion, DataInputView in, ClassLoader classLoader) throws IOException {
        version = readVersion;
        String name = in.readUTF();
        try {
            serializer = (RecordSerializer<T>) Class.forName(name, true, classLoader).getField("INSTANCE").get(null);
        } catch (ReflectiveOperationException | ClassCastException e) {
            throw new IOException("cannot restore the record serializer " + name + ": " + e, e);
        }
    }

    @Override
    public TypeSerializer<T> restoreSerializer() {
        return serializer;
    }

    @Override
    public TypeSerializerSchemaCompatibility<T> resolveSchemaCompatibility(TypeSerializerSnapshot<T> oldSnapshot) {
        return oldSnapshot instanceof RecordSerializerSnapshot<T> old && old.serializer.getClass() == serializer.getClass()
                && old.version == CURRENT_VERSION
                ? TypeSerializerSchemaCompatibility.compatibleAsIs()
                : TypeSerializerSchemaCompatibility.incompatible();
    }
}

package io.pulse.jobs.serialization;

import org.apache.flink.api.common.typeutils.TypeSerializerSchemaCompatibility;
import org.apache.flink.core.memory.DataInputDeserializer;
import org.apache.flink.core.memory.DataOutputSerializer;
import org.junit.jupiter.api.Test;

import java.io.IOException;

import static org.assertj.core.api.Assertions.assertThat;

class RecordSerializerSnapshotTest {

    @Test
    void stateWrittenInFlinksStringFormatIsIncompatibleNotMisread() throws IOException {
        assertThat(restoredAt(1).isIncompatible()).as("version 1: strings in Flink's format").isTrue();
        assertThat(restoredAt(2).isCompatibleAsIs()).isTrue();
    }

    private static TypeSerializerSchemaCompatibility<String> restoredAt(int version) throws IOException {
        DataOutputSerializer out = new DataOutputSerializer(64);
        out.writeUTF(StringKeySerializer.class.getName());
        RecordSerializerSnapshot<String> old = new RecordSerializerSnapshot<>();
        old.readSnapshot(version, new DataInputDeserializer(out.getCopyOfBuffer()), RecordSerializerSnapshotTest.class.getClassLoader());
        assertThat(old.restoreSerializer()).isSameAs(StringKeySerializer.INSTANCE);
        return StringKeySerializer.INSTANCE.snapshotConfiguration().resolveSchemaCompatibility(old);
    }
}

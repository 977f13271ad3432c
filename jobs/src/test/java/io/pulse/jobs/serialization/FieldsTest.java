package io.pulse.jobs.serialization;

import io.pulse.jobs.SerializerSnapshots;

import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.core.memory.DataInputDeserializer;
import org.apache.flink.core.memory.DataOutputSerializer;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.KeyedStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FieldsTest {

    @Test
    void stringsRoundTripWhateverTheirLengthOrCharacters() throws IOException {
        String person = "9f".repeat(32);
        String long300 = "é".repeat(150); // 300 UTF-8 bytes: a two-byte length
        DataOutputSerializer out = new DataOutputSerializer(16);
        for (String s : new String[] {null, "", "lab-a-01", person, long300, "温度 🌡"}) {
            Fields.string(s, out);
        }
        DataInputDeserializer in = new DataInputDeserializer(out.getCopyOfBuffer());
        assertThat(Fields.string(in)).isNull();
        assertThat(Fields.string(in)).isEmpty();
        assertThat(Fields.string(in)).isEqualTo("lab-a-01");
        assertThat(Fields.string(in)).isEqualTo(person);
        assertThat(Fields.string(in)).isEqualTo(long300);
        assertThat(Fields.string(in)).isEqualTo("温度 🌡");
        assertThat(in.available()).isZero();
    }

    @Test
    void aStringIsItsLengthThenItsBytes() throws IOException {
        DataOutputSerializer out = new DataOutputSerializer(16);
        Fields.string("abc", out);
        Fields.string(null, out);
        assertThat(out.getCopyOfBuffer()).containsExactly(4, 'a', 'b', 'c', 0);
    }

    @Test
    void copiesAStringWithoutDecodingIt() throws IOException {
        DataOutputSerializer out = new DataOutputSerializer(16);
        Fields.string("x".repeat(200), out);
        Fields.string(null, out);
        Fields.names(Set.of("gas", "flame"), out);
        DataInputDeserializer in = new DataInputDeserializer(out.getCopyOfBuffer());
        DataOutputSerializer copy = new DataOutputSerializer(16);
        Fields.copyString(in, copy);
        Fields.copyString(in, copy);
        DataInputDeserializer back = new DataInputDeserializer(copy.getCopyOfBuffer());
        assertThat(Fields.string(back)).hasSize(200);
        assertThat(Fields.string(back)).isNull();
        assertThat(Fields.names(in)).containsExactlyInAnyOrder("gas", "flame");
    }

    @Test
    void aCorruptLengthIsAnIOExceptionNotAHugeAllocation() {
        byte[] corrupt = {(byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, 0x01};
        assertThatThrownBy(() -> Fields.string(new DataInputDeserializer(corrupt))).isInstanceOf(IOException.class);
    }

    @Test
    void stringKeysRoundTripAndTheirSnapshotRestoresTheSerializer() throws IOException {
        SerializerSnapshots.assertRoundTrips(StringKeySerializer.INSTANCE, "4a".repeat(32) + "@gate-1-in");
        SerializerSnapshots.assertRestoresCompatibleAsIs(StringKeySerializer.INSTANCE);
    }

    @Test
    void aStreamKeyedWithItHasStringKeysWrittenByIt() {
        DataStream<String> words = StreamExecutionEnvironment.getExecutionEnvironment().fromData("a", "b");
        KeyedStream<String, String> keyed = words.keyBy(w -> w, StringKeyTypeInfo.INSTANCE);
        TypeInformation<String> keyType = keyed.getKeyType();
        assertThat(keyType).isEqualTo(StringKeyTypeInfo.INSTANCE).isNotEqualTo(Types.STRING);
        assertThat(keyType.isKeyType()).isTrue();
        assertThat(keyType.createSerializer(words.getExecutionConfig().getSerializerConfig())).isSameAs(StringKeySerializer.INSTANCE);
    }
}

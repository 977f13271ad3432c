package io.pulse.jobs.telemetry.serialization;

import io.pulse.jobs.SerializerSnapshots;
import io.pulse.jobs.telemetry.SortedTimes;
import io.pulse.jobs.telemetry.alerts.OfflineState;

import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.java.typeutils.PojoTypeInfo;
import org.apache.flink.core.memory.DataInputDeserializer;
import org.apache.flink.core.memory.DataOutputSerializer;
import org.junit.jupiter.api.Test;

import java.io.IOException;

import static org.assertj.core.api.Assertions.assertThat;

class SortedTimesSerializerTest {

    private static final SortedTimesSerializer SERIALIZER = SortedTimesSerializer.INSTANCE;

    @Test
    void writesTheCountAndTheTimesOnlyNotTheSpareCapacity() throws IOException {
        SortedTimes times = new SortedTimes();
        for (long t = 1; t <= 9; t++) { // capacity 16 by now
            times.add(t * 1_000);
        }
        byte[] bytes = bytes(times);
        assertThat(bytes).hasSize(4 + 9 * 8);
        SortedTimes back = SERIALIZER.deserialize(new DataInputDeserializer(bytes));
        assertThat(back).isEqualTo(times);
        assertThat(back.add(500)).as("a deserialized value takes new times").isTrue();
        assertThat(back.first()).isEqualTo(500);
    }

    @Test
    void copiesAreIndependentSoTheHeapBackendsCopyOnWriteHolds() {
        SortedTimes times = new SortedTimes();
        times.add(7);
        SortedTimes copy = SERIALIZER.copy(times);
        times.add(8);
        assertThat(copy.toArray()).containsExactly(7);
    }

    @Test
    void copiesSerializedFormWithoutReadingIt() throws IOException {
        SortedTimes times = new SortedTimes();
        times.add(3);
        times.add(4);
        DataOutputSerializer out = new DataOutputSerializer(64);
        SERIALIZER.copy(new DataInputDeserializer(bytes(times)), out);
        assertThat(SERIALIZER.deserialize(new DataInputDeserializer(out.getCopyOfBuffer()))).isEqualTo(times);
    }

    @Test
    void itsSnapshotRestoresTheSameSerializerCompatibleAsIs() throws IOException {
        SerializerSnapshots.assertRestoresCompatibleAsIs(SERIALIZER);
    }

    @Test
    void theTypeAndTheOfflineStatesFieldUseIt() {
        assertThat(TypeInformation.of(SortedTimes.class)).isEqualTo(SortedTimesTypeInfo.INSTANCE);
        PojoTypeInfo<?> pojo = (PojoTypeInfo<?>) TypeInformation.of(OfflineState.class);
        assertThat(pojo.getTypeAt(pojo.getFieldIndex("waiting"))).isEqualTo(SortedTimesTypeInfo.INSTANCE);
    }

    private static byte[] bytes(SortedTimes times) throws IOException {
        DataOutputSerializer out = new DataOutputSerializer(64);
        SERIALIZER.serialize(times, out);
        return out.getCopyOfBuffer();
    }
}

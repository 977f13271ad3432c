package io.pulse.jobs.telemetry.serialization;

import io.pulse.jobs.SerializerSnapshots;
import io.pulse.jobs.telemetry.Reading;
import io.pulse.jobs.telemetry.quality.WaitingReadings;

import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.core.memory.DataInputDeserializer;
import org.apache.flink.core.memory.DataOutputSerializer;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class WaitingReadingsSerializerTest {

    private static final WaitingReadingsSerializer SERIALIZER = WaitingReadingsSerializer.INSTANCE;

    @Test
    void writesTheCountAndTheReadingsOnlyAndReadsThemBackInOrder() throws IOException {
        WaitingReadings waiting = new WaitingReadings();
        for (long t = 9; t >= 1; t--) { // capacity 16 by now
            waiting.add(new Reading("dev-" + t, t * 1_000, Map.of("humidity", (double) t)));
        }
        byte[] bytes = bytes(waiting);
        DataOutputSerializer readingsOnly = new DataOutputSerializer(64);
        for (int i = 0; i < waiting.size(); i++) {
            ReadingSerializer.INSTANCE.serialize(waiting.get(i), readingsOnly);
        }
        assertThat(bytes).hasSize(4 + readingsOnly.length());
        WaitingReadings back = SERIALIZER.deserialize(new DataInputDeserializer(bytes));
        assertThat(back).isEqualTo(waiting);
        back.add(new Reading("dev-0", 500, Map.of()));
        assertThat(back.get(0).ts()).as("a deserialized value takes new readings").isEqualTo(500);
    }

    @Test
    void copiesAreIndependentSoTheHeapBackendsCopyOnWriteHolds() {
        WaitingReadings waiting = new WaitingReadings();
        waiting.add(new Reading("dev-1", 7, Map.of()));
        WaitingReadings copy = SERIALIZER.copy(waiting);
        waiting.add(new Reading("dev-1", 8, Map.of()));
        waiting.removeFirst(1);
        assertThat(copy.size()).isEqualTo(1);
        assertThat(copy.get(0).ts()).isEqualTo(7);
    }

    @Test
    void copiesSerializedFormWithoutKeepingIt() throws IOException {
        WaitingReadings waiting = new WaitingReadings();
        waiting.add(new Reading("dev-1", 3, Map.of("gas", 1.0)));
        waiting.add(new Reading("dev-1", 4, Map.of()));
        DataOutputSerializer out = new DataOutputSerializer(64);
        SERIALIZER.copy(new DataInputDeserializer(bytes(waiting)), out);
        assertThat(SERIALIZER.deserialize(new DataInputDeserializer(out.getCopyOfBuffer()))).isEqualTo(waiting);
    }

    @Test
    void itsSnapshotRestoresTheSameSerializerCompatibleAsIs() throws IOException {
        SerializerSnapshots.assertRestoresCompatibleAsIs(SERIALIZER);
    }

    @Test
    void theTypeUsesIt() {
        assertThat(TypeInformation.of(WaitingReadings.class)).isEqualTo(WaitingReadingsTypeInfo.INSTANCE);
    }

    private static byte[] bytes(WaitingReadings waiting) throws IOException {
        DataOutputSerializer out = new DataOutputSerializer(64);
        SERIALIZER.serialize(waiting, out);
        return out.getCopyOfBuffer();
    }
}

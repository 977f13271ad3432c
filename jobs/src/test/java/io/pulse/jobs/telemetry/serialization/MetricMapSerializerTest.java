package io.pulse.jobs.telemetry.serialization;

import io.pulse.jobs.SerializerSnapshots;
import io.pulse.jobs.telemetry.Reading;

import org.apache.flink.core.memory.DataInputDeserializer;
import org.apache.flink.core.memory.DataOutputSerializer;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MetricMapSerializerTest {

    private static final MetricMapSerializer SERIALIZER = MetricMapSerializer.INSTANCE;

    @Test
    void roundTripsContractAndOtherMetrics() throws IOException {
        Map<String, Double> metrics = Map.of("temperature", 41.5, "flame", 1.0, "co2", 612.0, "speed", 0.0,
                "λ-sensor", -3.25);
        Map<String, Double> back = roundTrip(metrics);
        assertThat(back).isEqualTo(metrics);
        assertThatThrownBy(() -> back.put("x", 1.0)).as("immutable, so records keep it without a copy")
                .isInstanceOf(UnsupportedOperationException.class);
        assertThat(new Reading("d", 1, back).metrics()).isSameAs(back);
        assertThat(roundTrip(Map.of())).isEmpty();
    }

    @Test
    void contractNamesComeBackAsTheSameConstantsAndCostOneByte() throws IOException {
        String name = roundTrip(Map.of(new String("temperature".toCharArray()), 1.0)).keySet().iterator().next();
        assertThat(name).isSameAs("temperature");
        // count (4 bytes) + per metric a code (1) and a double (8)
        assertThat(bytes(Map.of("temperature", 1.0, "humidity", 2.0))).hasSize(4 + 2 * 9);
    }

    @Test
    void copiesSerializedFormWithoutReadingIt() throws IOException {
        Map<String, Double> metrics = Map.of("battery", 55.0, "firmware_build", 7.0);
        DataInputDeserializer in = new DataInputDeserializer(bytes(metrics));
        DataOutputSerializer out = new DataOutputSerializer(64);
        SERIALIZER.copy(in, out);
        assertThat(SERIALIZER.deserialize(new DataInputDeserializer(out.getCopyOfBuffer()))).isEqualTo(metrics);
    }

    @Test
    void copyMakesAMutableMapImmutable() {
        Map<String, Double> mutable = new HashMap<>(Map.of("gas", 300.0));
        Map<String, Double> copy = SERIALIZER.copy(mutable);
        mutable.put("gas", 999.0);
        assertThat(copy).containsEntry("gas", 300.0);
        assertThat(SERIALIZER.copy(copy)).isSameAs(copy);
    }

    @Test
    void anUnknownCodeIsAClearError() {
        byte[] data = {0, 0, 0, 1, (byte) 200, 0, 0, 0, 0, 0, 0, 0, 0};
        assertThatThrownBy(() -> SERIALIZER.deserialize(new DataInputDeserializer(data)))
                .isInstanceOf(IOException.class).hasMessageContaining("unknown metric code 200");
    }

    @Test
    void itsSnapshotRestoresTheSameSerializerCompatibleAsIs() throws IOException {
        SerializerSnapshots.assertRestoresCompatibleAsIs(SERIALIZER);
    }

    private static Map<String, Double> roundTrip(Map<String, Double> metrics) throws IOException {
        return SERIALIZER.deserialize(new DataInputDeserializer(bytes(metrics)));
    }

    private static byte[] bytes(Map<String, Double> metrics) throws IOException {
        DataOutputSerializer out = new DataOutputSerializer(64);
        SERIALIZER.serialize(metrics, out);
        return out.getCopyOfBuffer();
    }
}

package io.pulse.jobs.telemetry.serialization;

import io.pulse.jobs.serialization.Fields;

import org.apache.flink.api.common.typeutils.SimpleTypeSerializerSnapshot;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.api.common.typeutils.base.TypeSerializerSingleton;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;

import java.io.IOException;
import java.util.List;
import java.util.Map;

/**
 * Serializes a reading's metrics ({@code Map<String, Double>}, names to values) for the network
 * and for state, in place of Flink's generic map serializer. The contract's metric names go as
 * one byte each instead of a string, and come back as the same interned constants, so that their
 * hash codes are cached; the map is read back as an immutable map that the records' constructors
 * keep without copying. Other names are written in full.
 *
 * <p>Format: the entry count (int), then per entry a name code (byte: 1 + the index in
 * {@link #NAMES}, or 0 with the name as a string) and the value (double). The codes are part of
 * the checkpoint format: names may be added at the end of {@link #NAMES}, never moved. Maps with a
 * null key or value are not supported (the records copy theirs with {@code Map.copyOf}, which
 * refuses them).
 */
public final class MetricMapSerializer extends TypeSerializerSingleton<Map<String, Double>> {

    private static final long serialVersionUID = 1L;

    public static final MetricMapSerializer INSTANCE = new MetricMapSerializer();

    /** The contract's metrics, in code order (code = index + 1). Append only. */
    static final List<String> NAMES = List.of("temperature", "humidity", "vibration", "battery", "gas", "flame",
            "motion", "light", "speed");

    private static final int OTHER = 0;

    private MetricMapSerializer() {}

    @Override
    public boolean isImmutableType() {
        return false; // callers may hand in mutable maps; copy makes them immutable
    }

    @Override
    public Map<String, Double> createInstance() {
        return Map.of();
    }

    @Override
    public Map<String, Double> copy(Map<String, Double> from) {
        return Map.copyOf(from); // the same instance when it is immutable already
    }

    @Override
    public Map<String, Double> copy(Map<String, Double> from, Map<String, Double> reuse) {
        return copy(from);
    }

    @Override
    public int getLength() {
        return -1;
    }

    @Override
    public void serialize(Map<String, Double> metrics, DataOutputView target) throws IOException {
        target.writeInt(metrics.size());
        for (Map.Entry<String, Double> metric : metrics.entrySet()) {
            int code = NAMES.indexOf(metric.getKey()) + 1;
            target.writeByte(code);
            if (code == OTHER) {
                Fields.string(metric.getKey(), target);
            }
            target.writeDouble(metric.getValue());
        }
    }

    @Override
    public Map<String, Double> deserialize(DataInputView source) throws IOException {
        int size = source.readInt();
        @SuppressWarnings("unchecked")
        Map.Entry<String, Double>[] entries = new Map.Entry[size];
        for (int i = 0; i < size; i++) {
            int code = source.readUnsignedByte();
            String name = code == OTHER ? Fields.string(source) : name(code);
            entries[i] = Map.entry(name, source.readDouble());
        }
        return Map.ofEntries(entries);
    }

    @Override
    public Map<String, Double> deserialize(Map<String, Double> reuse, DataInputView source) throws IOException {
        return deserialize(source);
    }

    @Override
    public void copy(DataInputView source, DataOutputView target) throws IOException {
        int size = source.readInt();
        target.writeInt(size);
        for (int i = 0; i < size; i++) {
            int code = source.readUnsignedByte();
            target.writeByte(code);
            if (code == OTHER) {
                Fields.copyString(source, target);
            }
            target.writeDouble(source.readDouble());
        }
    }

    private static String name(int code) throws IOException {
        if (code > NAMES.size()) {
            throw new IOException("unknown metric code " + code + ": written by a newer version of this serializer?");
        }
        return NAMES.get(code - 1);
    }

    @Override
    public TypeSerializerSnapshot<Map<String, Double>> snapshotConfiguration() {
        return new Snapshot();
    }

    /** The serializer has no configuration: a snapshot only names it. */
    public static final class Snapshot extends SimpleTypeSerializerSnapshot<Map<String, Double>> {
        public Snapshot() {
            super(() -> INSTANCE);
        }
    }
}

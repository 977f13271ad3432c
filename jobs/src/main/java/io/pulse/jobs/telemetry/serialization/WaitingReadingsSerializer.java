package io.pulse.jobs.telemetry.serialization;

import io.pulse.jobs.telemetry.Reading;
import io.pulse.jobs.telemetry.quality.WaitingReadings;

import org.apache.flink.api.common.typeutils.SimpleTypeSerializerSnapshot;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.api.common.typeutils.base.TypeSerializerSingleton;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;

import java.io.IOException;

/**
 * Serializes {@link WaitingReadings} for state: the count (int), then the readings oldest first
 * ({@link ReadingSerializer}); the spare capacity is not written.
 */
public final class WaitingReadingsSerializer extends TypeSerializerSingleton<WaitingReadings> {

    private static final long serialVersionUID = 1L;

    public static final WaitingReadingsSerializer INSTANCE = new WaitingReadingsSerializer();

    private WaitingReadingsSerializer() {}

    @Override
    public boolean isImmutableType() {
        return false; // changed in place
    }

    @Override
    public WaitingReadings createInstance() {
        return new WaitingReadings();
    }

    @Override
    public WaitingReadings copy(WaitingReadings from) {
        return from.copy();
    }

    @Override
    public WaitingReadings copy(WaitingReadings from, WaitingReadings reuse) {
        return from.copy();
    }

    @Override
    public int getLength() {
        return -1;
    }

    @Override
    public void serialize(WaitingReadings waiting, DataOutputView target) throws IOException {
        target.writeInt(waiting.size());
        for (int i = 0; i < waiting.size(); i++) {
            ReadingSerializer.INSTANCE.serialize(waiting.get(i), target);
        }
    }

    @Override
    public WaitingReadings deserialize(DataInputView source) throws IOException {
        int size = source.readInt();
        Reading[] readings = new Reading[size];
        for (int i = 0; i < size; i++) {
            readings[i] = ReadingSerializer.INSTANCE.deserialize(source);
        }
        return WaitingReadings.ofSorted(readings, size);
    }

    @Override
    public WaitingReadings deserialize(WaitingReadings reuse, DataInputView source) throws IOException {
        return deserialize(source);
    }

    @Override
    public void copy(DataInputView source, DataOutputView target) throws IOException {
        int size = source.readInt();
        target.writeInt(size);
        for (int i = 0; i < size; i++) {
            ReadingSerializer.INSTANCE.copy(source, target);
        }
    }

    @Override
    public TypeSerializerSnapshot<WaitingReadings> snapshotConfiguration() {
        return new Snapshot();
    }

    /** The serializer has no configuration: a snapshot only names it. */
    public static final class Snapshot extends SimpleTypeSerializerSnapshot<WaitingReadings> {
        public Snapshot() {
            super(() -> INSTANCE);
        }
    }
}

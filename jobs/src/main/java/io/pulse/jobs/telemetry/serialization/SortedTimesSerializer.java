package io.pulse.jobs.telemetry.serialization;

import io.pulse.jobs.telemetry.SortedTimes;

import org.apache.flink.api.common.typeutils.SimpleTypeSerializerSnapshot;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.api.common.typeutils.base.TypeSerializerSingleton;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;

import java.io.IOException;

/**
 * Serializes {@link SortedTimes} for state: the count (int), then the times (longs, oldest first);
 * the spare capacity of the array is not written.
 */
public final class SortedTimesSerializer extends TypeSerializerSingleton<SortedTimes> {

    private static final long serialVersionUID = 1L;

    public static final SortedTimesSerializer INSTANCE = new SortedTimesSerializer();

    private SortedTimesSerializer() {}

    @Override
    public boolean isImmutableType() {
        return false; // changed in place
    }

    @Override
    public SortedTimes createInstance() {
        return new SortedTimes();
    }

    @Override
    public SortedTimes copy(SortedTimes from) {
        return from.copy();
    }

    @Override
    public SortedTimes copy(SortedTimes from, SortedTimes reuse) {
        return from.copy();
    }

    @Override
    public int getLength() {
        return -1;
    }

    @Override
    public void serialize(SortedTimes times, DataOutputView target) throws IOException {
        target.writeInt(times.size());
        for (int i = 0; i < times.size(); i++) {
            target.writeLong(times.get(i));
        }
    }

    @Override
    public SortedTimes deserialize(DataInputView source) throws IOException {
        int size = source.readInt();
        long[] times = new long[size];
        for (int i = 0; i < size; i++) {
            times[i] = source.readLong();
        }
        return SortedTimes.ofSorted(times, size);
    }

    @Override
    public SortedTimes deserialize(SortedTimes reuse, DataInputView source) throws IOException {
        return deserialize(source);
    }

    @Override
    public void copy(DataInputView source, DataOutputView target) throws IOException {
        int size = source.readInt();
        target.writeInt(size);
        target.write(source, size * Long.BYTES);
    }

    @Override
    public TypeSerializerSnapshot<SortedTimes> snapshotConfiguration() {
        return new Snapshot();
    }

    /** The serializer has no configuration: a snapshot only names it. */
    public static final class Snapshot extends SimpleTypeSerializerSnapshot<SortedTimes> {
        public Snapshot() {
            super(() -> INSTANCE);
        }
    }
}

package io.pulse.jobs.energy.integration;

import io.pulse.jobs.energy.windows.WindowAccumulator;

import org.apache.flink.api.common.typeutils.SimpleTypeSerializerSnapshot;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.api.common.typeutils.base.TypeSerializerSingleton;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;

import java.io.IOException;

/**
 * Checkpoints a {@link MeterHistory} as what it holds, not as its arrays: Flink's POJO serializer
 * writes every array whole, and arrays that grow by doubling are up to half empty, so a meter's
 * checkpointed size depended on how far a burst had made them grow.
 *
 * <p>Format: a format byte ({@value #FORMAT}); the raw reading count, then that many ts, power,
 * voltage and current values; finalBefore, timersFor, settledUntil; the settled windows' count and
 * figures; the settled times' count and, when there are any, first, last, byte length and bytes.
 */
public final class MeterHistorySerializer extends TypeSerializerSingleton<MeterHistory> {

    private static final long serialVersionUID = 1L;

    public static final MeterHistorySerializer INSTANCE = new MeterHistorySerializer();

    private static final int FORMAT = 1;
    /** Room for new readings after a restore, so the first ones do not each grow the arrays. */
    private static final int SPARE = 8;

    private MeterHistorySerializer() {}

    @Override
    public boolean isImmutableType() {
        return false;
    }

    @Override
    public MeterHistory createInstance() {
        return new MeterHistory();
    }

    @Override
    public MeterHistory copy(MeterHistory from) {
        return from.copy();
    }

    @Override
    public MeterHistory copy(MeterHistory from, MeterHistory reuse) {
        return from.copy();
    }

    @Override
    public int getLength() {
        return -1;
    }

    @Override
    public void serialize(MeterHistory h, DataOutputView out) throws IOException {
        out.writeByte(FORMAT);
        out.writeInt(h.size);
        for (int i = 0; i < h.size; i++) {
            out.writeLong(h.ts[i]);
            out.writeDouble(h.power[i]);
            out.writeDouble(h.voltage[i]);
            out.writeDouble(h.current[i]);
        }
        out.writeLong(h.finalBefore);
        out.writeLong(h.timersFor);
        out.writeLong(h.settledUntil);
        out.writeInt(h.settled.length);
        for (WindowAccumulator w : h.settled) {
            out.writeLong(w.start);
            out.writeDouble(w.wattMillis);
            out.writeLong(w.integratedMs);
            out.writeInt(w.samples);
            out.writeDouble(w.minPowerW);
            out.writeDouble(w.maxPowerW);
            out.writeDouble(w.voltageSum);
            out.writeInt(w.voltages);
            out.writeDouble(w.currentSum);
            out.writeInt(w.currents);
        }
        SettledTimes times = h.settledTimes;
        out.writeInt(times.count);
        if (times.count > 0) {
            out.writeLong(times.first);
            out.writeLong(times.last);
            out.writeInt(times.length);
            out.write(times.gaps, 0, times.length);
        }
    }

    @Override
    public MeterHistory deserialize(DataInputView in) throws IOException {
        int format = in.readUnsignedByte();
        if (format != FORMAT) {
            throw new IOException("unknown meter history format " + format + ": written by a newer version of this serializer?");
        }
        MeterHistory h = new MeterHistory();
        int size = in.readInt();
        h.ts = new long[size + SPARE];
        h.power = new double[size + SPARE];
        h.voltage = new double[size + SPARE];
        h.current = new double[size + SPARE];
        for (int i = 0; i < size; i++) {
            h.ts[i] = in.readLong();
            h.power[i] = in.readDouble();
            h.voltage[i] = in.readDouble();
            h.current[i] = in.readDouble();
        }
        h.size = size;
        h.finalBefore = in.readLong();
        h.timersFor = in.readLong();
        h.settledUntil = in.readLong();
        h.settled = new WindowAccumulator[in.readInt()];
        for (int k = 0; k < h.settled.length; k++) {
            WindowAccumulator w = new WindowAccumulator(in.readLong());
            w.wattMillis = in.readDouble();
            w.integratedMs = in.readLong();
            w.samples = in.readInt();
            w.minPowerW = in.readDouble();
            w.maxPowerW = in.readDouble();
            w.voltageSum = in.readDouble();
            w.voltages = in.readInt();
            w.currentSum = in.readDouble();
            w.currents = in.readInt();
            h.settled[k] = w;
        }
        SettledTimes times = h.settledTimes;
        times.count = in.readInt();
        if (times.count > 0) {
            times.first = in.readLong();
            times.last = in.readLong();
            times.length = in.readInt();
            times.gaps = new byte[times.length + SPARE * 2];
            in.readFully(times.gaps, 0, times.length);
        }
        return h;
    }

    @Override
    public MeterHistory deserialize(MeterHistory reuse, DataInputView in) throws IOException {
        return deserialize(in);
    }

    @Override
    public void copy(DataInputView in, DataOutputView out) throws IOException {
        serialize(deserialize(in), out); // state only: never on a hot path
    }

    @Override
    public TypeSerializerSnapshot<MeterHistory> snapshotConfiguration() {
        return new Snapshot();
    }

    /** The serializer has no configuration: a snapshot only names it. */
    public static final class Snapshot extends SimpleTypeSerializerSnapshot<MeterHistory> {
        public Snapshot() {
            super(() -> INSTANCE);
        }
    }
}

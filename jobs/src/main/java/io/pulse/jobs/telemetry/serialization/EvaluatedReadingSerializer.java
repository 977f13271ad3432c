package io.pulse.jobs.telemetry.serialization;

import io.pulse.jobs.serialization.Fields;
import io.pulse.jobs.serialization.RecordSerializer;
import io.pulse.jobs.serialization.RecordTypeInfo;
import io.pulse.jobs.telemetry.alerts.EvaluatedReading;

import org.apache.flink.api.common.typeinfo.TypeInfoFactory;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;

import java.io.IOException;
import java.lang.reflect.Type;
import java.util.Map;

/** {@link EvaluatedReading}: its eighteen fields in order, the seven flags in one byte; display name and anomalous metrics may be null. */
public final class EvaluatedReadingSerializer extends RecordSerializer<EvaluatedReading> {

    private static final long serialVersionUID = 1L;

    public static final EvaluatedReadingSerializer INSTANCE = new EvaluatedReadingSerializer();

    private EvaluatedReadingSerializer() {}

    @Override
    public void serialize(EvaluatedReading r, DataOutputView target) throws IOException {
        Fields.string(r.deviceId(), target);
        target.writeLong(r.ts());
        Fields.string(r.displayName(), target);
        target.writeDouble(r.temperature());
        target.writeDouble(r.vibration());
        target.writeDouble(r.battery());
        target.writeDouble(r.gas());
        target.writeByte((r.hot() ? 1 : 0) | (r.vibrating() ? 2 : 0) | (r.batteryLow() ? 4 : 0) | (r.batteryCritical() ? 8 : 0)
                | (r.gasHigh() ? 16 : 0) | (r.flame() ? 32 : 0) | (r.anomalous() ? 64 : 0));
        target.writeDouble(r.batteryDropLimit());
        target.writeDouble(r.anomalyScore());
        Fields.string(r.anomalousMetrics(), target);
        target.writeLong(r.offlineAfterMs());
    }

    @Override
    public EvaluatedReading deserialize(DataInputView source) throws IOException {
        String deviceId = Fields.string(source);
        long ts = source.readLong();
        String displayName = Fields.string(source);
        double temperature = source.readDouble();
        double vibration = source.readDouble();
        double battery = source.readDouble();
        double gas = source.readDouble();
        int flags = source.readUnsignedByte();
        return new EvaluatedReading(deviceId, ts, displayName, temperature, vibration, battery, gas,
                (flags & 1) != 0, (flags & 2) != 0, (flags & 4) != 0, (flags & 8) != 0, (flags & 16) != 0, (flags & 32) != 0,
                (flags & 64) != 0, source.readDouble(), source.readDouble(), Fields.string(source), source.readLong());
    }

    /** Named by the record's {@code @TypeInfo}. */
    public static final class Factory extends TypeInfoFactory<EvaluatedReading> {
        @Override
        public TypeInformation<EvaluatedReading> createTypeInfo(Type t, Map<String, TypeInformation<?>> genericParameters) {
            return new RecordTypeInfo<>(EvaluatedReading.class, INSTANCE);
        }
    }
}

package io.pulse.jobs.telemetry.serialization;

import io.pulse.jobs.serialization.Fields;
import io.pulse.jobs.serialization.RecordSerializer;
import io.pulse.jobs.serialization.RecordTypeInfo;
import io.pulse.jobs.telemetry.alerts.AlertMatch;
import io.pulse.jobs.telemetry.alerts.AlertSignal;
import io.pulse.jobs.telemetry.rules.AlertType;

import org.apache.flink.api.common.typeinfo.TypeInfoFactory;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;

import java.io.IOException;
import java.lang.reflect.Type;
import java.util.Map;

/** {@link AlertSignal}: a byte saying which it holds, then the {@link AlertMatch} (its fields in order) or the {@link EvaluatedAlertSignalSerializer reading}. */
public final class AlertSignalSerializer extends RecordSerializer<AlertSignal> {

    private static final long serialVersionUID = 1L;

    public static final AlertSignalSerializer INSTANCE = new AlertSignalSerializer();

    private AlertSignalSerializer() {}

    @Override
    public void serialize(AlertSignal signal, DataOutputView target) throws IOException {
        AlertMatch m = signal.match();
        if (m == null) {
            target.writeByte(0);
            EvaluatedReadingSerializer.INSTANCE.serialize(signal.reading(), target);
            return;
        }
        target.writeByte(1);
        Fields.string(m.deviceId(), target);
        Fields.string(m.type().name(), target);
        target.writeLong(m.ts());
        target.writeLong(m.firstTs());
        target.writeInt(m.readings());
        target.writeDouble(m.value());
        target.writeDouble(m.previousValue());
        Fields.string(m.detail(), target);
        Fields.string(m.displayName(), target);
    }

    @Override
    public AlertSignal deserialize(DataInputView source) throws IOException {
        if (source.readUnsignedByte() == 0) {
            return AlertSignal.of(EvaluatedReadingSerializer.INSTANCE.deserialize(source));
        }
        return AlertSignal.of(new AlertMatch(Fields.string(source), AlertType.valueOf(Fields.string(source)), source.readLong(),
                source.readLong(), source.readInt(), source.readDouble(), source.readDouble(), Fields.string(source),
                Fields.string(source)));
    }

    /** Named by the record's {@code @TypeInfo}. */
    public static final class Factory extends TypeInfoFactory<AlertSignal> {
        @Override
        public TypeInformation<AlertSignal> createTypeInfo(Type t, Map<String, TypeInformation<?>> genericParameters) {
            return new RecordTypeInfo<>(AlertSignal.class, INSTANCE);
        }
    }
}

package io.pulse.jobs.telemetry.serialization;

import io.pulse.jobs.serialization.Fields;
import io.pulse.jobs.serialization.RecordSerializer;
import io.pulse.jobs.serialization.RecordTypeInfo;
import io.pulse.jobs.telemetry.Reading;

import org.apache.flink.api.common.typeinfo.TypeInfoFactory;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;

import java.io.IOException;
import java.lang.reflect.Type;
import java.util.Map;

/** {@link Reading}: device id, ts, metrics ({@link MetricMapSerializer}). */
public final class ReadingSerializer extends RecordSerializer<Reading> {

    private static final long serialVersionUID = 1L;

    public static final ReadingSerializer INSTANCE = new ReadingSerializer();

    private ReadingSerializer() {}

    @Override
    public void serialize(Reading r, DataOutputView target) throws IOException {
        Fields.string(r.deviceId(), target);
        target.writeLong(r.ts());
        MetricMapSerializer.INSTANCE.serialize(r.metrics(), target);
    }

    @Override
    public Reading deserialize(DataInputView source) throws IOException {
        return new Reading(Fields.string(source), source.readLong(), MetricMapSerializer.INSTANCE.deserialize(source));
    }

    /** Named by the record's {@code @TypeInfo}. */
    public static final class Factory extends TypeInfoFactory<Reading> {
        @Override
        public TypeInformation<Reading> createTypeInfo(Type t, Map<String, TypeInformation<?>> genericParameters) {
            return new RecordTypeInfo<>(Reading.class, INSTANCE);
        }
    }
}

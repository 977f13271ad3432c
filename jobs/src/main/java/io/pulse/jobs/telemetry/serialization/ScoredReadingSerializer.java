package io.pulse.jobs.telemetry.serialization;

import io.pulse.jobs.serialization.Fields;
import io.pulse.jobs.serialization.RecordSerializer;
import io.pulse.jobs.serialization.RecordTypeInfo;
import io.pulse.jobs.telemetry.quality.ScoredReading;

import org.apache.flink.api.common.typeinfo.TypeInfoFactory;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;

import java.io.IOException;
import java.lang.reflect.Type;
import java.util.Map;

/** {@link ScoredReading}: device id, ts, metrics and z-scores ({@link MetricMapSerializer}), anomalous metrics. */
public final class ScoredReadingSerializer extends RecordSerializer<ScoredReading> {

    private static final long serialVersionUID = 1L;

    public static final ScoredReadingSerializer INSTANCE = new ScoredReadingSerializer();

    private ScoredReadingSerializer() {}

    @Override
    public void serialize(ScoredReading r, DataOutputView target) throws IOException {
        Fields.string(r.deviceId(), target);
        target.writeLong(r.ts());
        MetricMapSerializer.INSTANCE.serialize(r.metrics(), target);
        MetricMapSerializer.INSTANCE.serialize(r.zScores(), target);
        Fields.names(r.anomalousMetrics(), target);
    }

    @Override
    public ScoredReading deserialize(DataInputView source) throws IOException {
        return new ScoredReading(Fields.string(source), source.readLong(), MetricMapSerializer.INSTANCE.deserialize(source),
                MetricMapSerializer.INSTANCE.deserialize(source), Fields.names(source));
    }

    /** Named by the record's {@code @TypeInfo}. */
    public static final class Factory extends TypeInfoFactory<ScoredReading> {
        @Override
        public TypeInformation<ScoredReading> createTypeInfo(Type t, Map<String, TypeInformation<?>> genericParameters) {
            return new RecordTypeInfo<>(ScoredReading.class, INSTANCE);
        }
    }
}

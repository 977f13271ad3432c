package io.pulse.jobs.telemetry.serialization;

import io.pulse.jobs.serialization.Fields;
import io.pulse.jobs.serialization.RecordSerializer;
import io.pulse.jobs.serialization.RecordTypeInfo;
import io.pulse.jobs.telemetry.alerts.AlertInput;

import org.apache.flink.api.common.typeinfo.TypeInfoFactory;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;

import java.io.IOException;
import java.lang.reflect.Type;
import java.util.Map;

/** {@link AlertInput}: its fields in order; display name may be null. */
public final class AlertInputSerializer extends RecordSerializer<AlertInput> {

    private static final long serialVersionUID = 1L;

    public static final AlertInputSerializer INSTANCE = new AlertInputSerializer();

    private AlertInputSerializer() {}

    @Override
    public void serialize(AlertInput in, DataOutputView target) throws IOException {
        Fields.string(in.deviceId(), target);
        target.writeLong(in.ts());
        MetricMapSerializer.INSTANCE.serialize(in.metrics(), target);
        Fields.names(in.anomalousMetrics(), target);
        target.writeDouble(in.anomalyScore());
        Fields.string(in.displayName(), target);
        target.writeLong(in.expectedIntervalMs());
    }

    @Override
    public AlertInput deserialize(DataInputView source) throws IOException {
        return new AlertInput(Fields.string(source), source.readLong(), MetricMapSerializer.INSTANCE.deserialize(source),
                Fields.names(source), source.readDouble(), Fields.string(source), source.readLong());
    }

    /** Named by the record's {@code @TypeInfo}. */
    public static final class Factory extends TypeInfoFactory<AlertInput> {
        @Override
        public TypeInformation<AlertInput> createTypeInfo(Type t, Map<String, TypeInformation<?>> genericParameters) {
            return new RecordTypeInfo<>(AlertInput.class, INSTANCE);
        }
    }
}

package io.pulse.jobs.movement.serialization;

import io.pulse.jobs.serialization.Fields;
import io.pulse.jobs.serialization.RecordSerializer;
import io.pulse.jobs.serialization.RecordTypeInfo;
import io.pulse.jobs.movement.traffic.TrafficEvent;

import org.apache.flink.api.common.typeinfo.TypeInfoFactory;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;

import java.io.IOException;
import java.lang.reflect.Type;
import java.util.Map;

/** {@link TrafficEvent}: gate, ts, the kind by name. */
public final class TrafficEventSerializer extends RecordSerializer<TrafficEvent> {

    private static final long serialVersionUID = 1L;

    public static final TrafficEventSerializer INSTANCE = new TrafficEventSerializer();

    private TrafficEventSerializer() {}

    @Override
    public void serialize(TrafficEvent e, DataOutputView target) throws IOException {
        Fields.string(e.gate(), target);
        target.writeLong(e.ts());
        Fields.string(e.kind().name(), target);
    }

    @Override
    public TrafficEvent deserialize(DataInputView source) throws IOException {
        return new TrafficEvent(Fields.string(source), source.readLong(), TrafficEvent.Kind.valueOf(Fields.string(source)));
    }

    /** Named by the record's {@code @TypeInfo}. */
    public static final class Factory extends TypeInfoFactory<TrafficEvent> {
        @Override
        public TypeInformation<TrafficEvent> createTypeInfo(Type t, Map<String, TypeInformation<?>> genericParameters) {
            return new RecordTypeInfo<>(TrafficEvent.class, INSTANCE);
        }
    }
}

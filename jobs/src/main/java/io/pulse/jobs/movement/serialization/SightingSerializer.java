package io.pulse.jobs.movement.serialization;

import io.pulse.jobs.serialization.Fields;
import io.pulse.jobs.serialization.RecordSerializer;
import io.pulse.jobs.serialization.RecordTypeInfo;
import io.pulse.jobs.movement.ingest.GateRole;
import io.pulse.jobs.movement.ingest.Sighting;

import org.apache.flink.api.common.typeinfo.TypeInfoFactory;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;

import java.io.IOException;
import java.lang.reflect.Type;
import java.util.Map;

/** {@link Sighting}: its fields in order, the role by name. Every sighting crosses the network and waits in the debounce state. */
public final class SightingSerializer extends RecordSerializer<Sighting> {

    private static final long serialVersionUID = 1L;

    public static final SightingSerializer INSTANCE = new SightingSerializer();

    private SightingSerializer() {}

    @Override
    public void serialize(Sighting s, DataOutputView target) throws IOException {
        Fields.string(s.gate(), target);
        Fields.string(s.scanner(), target);
        Fields.string(s.role().name(), target);
        target.writeLong(s.ts());
        Fields.string(s.personId(), target);
        target.writeBoolean(s.randomized());
    }

    @Override
    public Sighting deserialize(DataInputView source) throws IOException {
        return new Sighting(Fields.string(source), Fields.string(source), GateRole.valueOf(Fields.string(source)), source.readLong(),
                Fields.string(source), source.readBoolean());
    }

    /** Named by the record's {@code @TypeInfo}. */
    public static final class Factory extends TypeInfoFactory<Sighting> {
        @Override
        public TypeInformation<Sighting> createTypeInfo(Type t, Map<String, TypeInformation<?>> genericParameters) {
            return new RecordTypeInfo<>(Sighting.class, INSTANCE);
        }
    }
}

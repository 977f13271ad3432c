package io.pulse.jobs.movement.serialization;

import io.pulse.jobs.serialization.Fields;
import io.pulse.jobs.serialization.RecordSerializer;
import io.pulse.jobs.serialization.RecordTypeInfo;
import io.pulse.jobs.movement.direction.Direction;
import io.pulse.jobs.movement.direction.MovementEvent;

import org.apache.flink.api.common.typeinfo.TypeInfoFactory;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;

import java.io.IOException;
import java.lang.reflect.Type;
import java.util.Map;

/** {@link MovementEvent}: its fields in order, the direction by name; the scanner may be null. */
public final class MovementEventSerializer extends RecordSerializer<MovementEvent> {

    private static final long serialVersionUID = 1L;

    public static final MovementEventSerializer INSTANCE = new MovementEventSerializer();

    private MovementEventSerializer() {}

    @Override
    public void serialize(MovementEvent e, DataOutputView target) throws IOException {
        Fields.string(e.personId(), target);
        Fields.string(e.gate(), target);
        Fields.string(e.direction().name(), target);
        target.writeLong(e.ts());
        Fields.string(e.scanner(), target);
    }

    @Override
    public MovementEvent deserialize(DataInputView source) throws IOException {
        return new MovementEvent(Fields.string(source), Fields.string(source), Direction.valueOf(Fields.string(source)),
                source.readLong(), Fields.string(source));
    }

    /** Named by the record's {@code @TypeInfo}. */
    public static final class Factory extends TypeInfoFactory<MovementEvent> {
        @Override
        public TypeInformation<MovementEvent> createTypeInfo(Type t, Map<String, TypeInformation<?>> genericParameters) {
            return new RecordTypeInfo<>(MovementEvent.class, INSTANCE);
        }
    }
}

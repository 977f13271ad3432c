package io.pulse.jobs.movement.serialization;

import io.pulse.jobs.serialization.Fields;
import io.pulse.jobs.serialization.RecordSerializer;
import io.pulse.jobs.serialization.RecordTypeInfo;
import io.pulse.jobs.movement.occupancy.OccupancyChange;

import org.apache.flink.api.common.typeinfo.TypeInfoFactory;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;

import java.io.IOException;
import java.lang.reflect.Type;
import java.util.Map;

/** {@link OccupancyChange}: gate, ts, delta. */
public final class OccupancyChangeSerializer extends RecordSerializer<OccupancyChange> {

    private static final long serialVersionUID = 1L;

    public static final OccupancyChangeSerializer INSTANCE = new OccupancyChangeSerializer();

    private OccupancyChangeSerializer() {}

    @Override
    public void serialize(OccupancyChange c, DataOutputView target) throws IOException {
        Fields.string(c.gate(), target);
        target.writeLong(c.ts());
        target.writeInt(c.delta());
    }

    @Override
    public OccupancyChange deserialize(DataInputView source) throws IOException {
        return new OccupancyChange(Fields.string(source), source.readLong(), source.readInt());
    }

    /** Named by the record's {@code @TypeInfo}. */
    public static final class Factory extends TypeInfoFactory<OccupancyChange> {
        @Override
        public TypeInformation<OccupancyChange> createTypeInfo(Type t, Map<String, TypeInformation<?>> genericParameters) {
            return new RecordTypeInfo<>(OccupancyChange.class, INSTANCE);
        }
    }
}

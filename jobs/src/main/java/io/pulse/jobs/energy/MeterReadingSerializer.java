package io.pulse.jobs.energy;

import io.pulse.jobs.serialization.Fields;
import io.pulse.jobs.serialization.RecordSerializer;
import io.pulse.jobs.serialization.RecordTypeInfo;

import org.apache.flink.api.common.typeinfo.TypeInfoFactory;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;

import java.io.IOException;
import java.lang.reflect.Type;
import java.util.Map;

/** {@link MeterReading}: its fields in order. Every reading crosses the network to its meter's integrator. */
public final class MeterReadingSerializer extends RecordSerializer<MeterReading> {

    private static final long serialVersionUID = 1L;

    public static final MeterReadingSerializer INSTANCE = new MeterReadingSerializer();

    private MeterReadingSerializer() {}

    @Override
    public void serialize(MeterReading r, DataOutputView target) throws IOException {
        Fields.string(r.meterId(), target);
        target.writeLong(r.ts());
        target.writeDouble(r.powerW());
        target.writeDouble(r.voltageV());
        target.writeDouble(r.currentA());
        target.writeDouble(r.energyRegisterWh());
    }

    @Override
    public MeterReading deserialize(DataInputView source) throws IOException {
        return new MeterReading(Fields.string(source), source.readLong(), source.readDouble(), source.readDouble(),
                source.readDouble(), source.readDouble());
    }

    /** Named by the record's {@code @TypeInfo}. */
    public static final class Factory extends TypeInfoFactory<MeterReading> {
        @Override
        public TypeInformation<MeterReading> createTypeInfo(Type t, Map<String, TypeInformation<?>> genericParameters) {
            return new RecordTypeInfo<>(MeterReading.class, INSTANCE);
        }
    }
}

package io.pulse.jobs.telemetry.serialization;

import io.pulse.jobs.serialization.LeafTypeInfo;
import io.pulse.jobs.telemetry.quality.WaitingReadings;

import org.apache.flink.api.common.serialization.SerializerConfig;
import org.apache.flink.api.common.typeinfo.TypeInfoFactory;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeutils.TypeSerializer;

import java.lang.reflect.Type;
import java.util.Map;

/** Type information of {@link WaitingReadings}, serialized by {@link WaitingReadingsSerializer}; named by the class's {@code @TypeInfo}. */
public final class WaitingReadingsTypeInfo extends LeafTypeInfo<WaitingReadings> {

    private static final long serialVersionUID = 1L;

    public static final WaitingReadingsTypeInfo INSTANCE = new WaitingReadingsTypeInfo();

    /** What {@code @TypeInfo} names: Flink calls it wherever the type appears. */
    public static final class Factory extends TypeInfoFactory<WaitingReadings> {
        @Override
        public TypeInformation<WaitingReadings> createTypeInfo(Type t, Map<String, TypeInformation<?>> genericParameters) {
            return INSTANCE;
        }
    }

    private WaitingReadingsTypeInfo() {
        super(WaitingReadings.class, "WaitingReadings");
    }

    @Override
    public TypeSerializer<WaitingReadings> createSerializer(SerializerConfig config) {
        return WaitingReadingsSerializer.INSTANCE;
    }
}

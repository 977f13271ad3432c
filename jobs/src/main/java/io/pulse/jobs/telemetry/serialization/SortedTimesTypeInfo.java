package io.pulse.jobs.telemetry.serialization;

import io.pulse.jobs.serialization.LeafTypeInfo;
import io.pulse.jobs.telemetry.SortedTimes;

import org.apache.flink.api.common.serialization.SerializerConfig;
import org.apache.flink.api.common.typeinfo.TypeInfoFactory;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeutils.TypeSerializer;

import java.lang.reflect.Type;
import java.util.Map;

/** Type information of {@link SortedTimes}, serialized by {@link SortedTimesSerializer}; named by the class's {@code @TypeInfo}. */
public final class SortedTimesTypeInfo extends LeafTypeInfo<SortedTimes> {

    private static final long serialVersionUID = 1L;

    public static final SortedTimesTypeInfo INSTANCE = new SortedTimesTypeInfo();

    /** What {@code @TypeInfo} names: Flink calls it wherever the type appears. */
    public static final class Factory extends TypeInfoFactory<SortedTimes> {
        @Override
        public TypeInformation<SortedTimes> createTypeInfo(Type t, Map<String, TypeInformation<?>> genericParameters) {
            return INSTANCE;
        }
    }

    private SortedTimesTypeInfo() {
        super(SortedTimes.class, "SortedTimes");
    }

    @Override
    public TypeSerializer<SortedTimes> createSerializer(SerializerConfig config) {
        return SortedTimesSerializer.INSTANCE;
    }
}

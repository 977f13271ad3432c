package io.pulse.jobs.telemetry.serialization;

import org.apache.flink.api.common.serialization.SerializerConfig;
import org.apache.flink.api.common.typeinfo.TypeInfoFactory;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeutils.TypeSerializer;

import java.lang.reflect.Type;
import java.util.Map;

/**
 * Type information of a reading's metrics, serialized by {@link MetricMapSerializer}. Used on
 * record fields as {@code @TypeInfo(MetricMapTypeInfo.Factory.class) Map<String, Double> metrics}.
 */
public final class MetricMapTypeInfo extends LeafTypeInfo<Map<String, Double>> {

    private static final long serialVersionUID = 1L;

    @SuppressWarnings("unchecked")
    private static final Class<Map<String, Double>> MAP_CLASS = (Class<Map<String, Double>>) (Class<?>) Map.class;

    public static final MetricMapTypeInfo INSTANCE = new MetricMapTypeInfo();

    /** What {@code @TypeInfo} names: Flink calls it for every annotated field. */
    public static final class Factory extends TypeInfoFactory<Map<String, Double>> {
        @Override
        public TypeInformation<Map<String, Double>> createTypeInfo(Type t, Map<String, TypeInformation<?>> genericParameters) {
            return INSTANCE;
        }
    }

    private MetricMapTypeInfo() {
        super(MAP_CLASS, "MetricMap");
    }

    @Override
    public TypeSerializer<Map<String, Double>> createSerializer(SerializerConfig config) {
        return MetricMapSerializer.INSTANCE;
    }
}

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
public final class MetricMapTypeInfo extends TypeInformation<Map<String, Double>> {

    private static final long serialVersionUID = 1L;

    public static final MetricMapTypeInfo INSTANCE = new MetricMapTypeInfo();

    /** What {@code @TypeInfo} names: Flink calls it for every annotated field. */
    public static final class Factory extends TypeInfoFactory<Map<String, Double>> {
        @Override
        public TypeInformation<Map<String, Double>> createTypeInfo(Type t, Map<String, TypeInformation<?>> genericParameters) {
            return INSTANCE;
        }
    }

    private MetricMapTypeInfo() {}

    @Override
    public boolean isBasicType() {
        return false;
    }

    @Override
    public boolean isTupleType() {
        return false;
    }

    @Override
    public int getArity() {
        return 1;
    }

    @Override
    public int getTotalFields() {
        return 1;
    }

    @Override
    @SuppressWarnings("unchecked")
    public Class<Map<String, Double>> getTypeClass() {
        return (Class<Map<String, Double>>) (Class<?>) Map.class;
    }

    @Override
    public boolean isKeyType() {
        return false;
    }

    @Override
    public TypeSerializer<Map<String, Double>> createSerializer(SerializerConfig config) {
        return MetricMapSerializer.INSTANCE;
    }

    @Override
    public String toString() {
        return "MetricMap";
    }

    @Override
    public boolean equals(Object obj) {
        return obj instanceof MetricMapTypeInfo;
    }

    @Override
    public int hashCode() {
        return MetricMapTypeInfo.class.hashCode();
    }

    @Override
    public boolean canEqual(Object obj) {
        return obj instanceof MetricMapTypeInfo;
    }
}

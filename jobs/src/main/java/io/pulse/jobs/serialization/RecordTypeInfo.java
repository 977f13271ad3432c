package io.pulse.jobs.serialization;

import org.apache.flink.api.common.serialization.SerializerConfig;
import org.apache.flink.api.common.typeutils.TypeSerializer;

/** Type information of a record serialized by a {@link RecordSerializer}: equal for the same record class. */
public final class RecordTypeInfo<T> extends LeafTypeInfo<T> {

    private static final long serialVersionUID = 1L;

    private final RecordSerializer<T> serializer;

    public RecordTypeInfo(Class<T> typeClass, RecordSerializer<T> serializer) {
        super(typeClass, typeClass.getSimpleName());
        this.serializer = serializer;
    }

    @Override
    public TypeSerializer<T> createSerializer(SerializerConfig config) {
        return serializer;
    }

    @Override
    public boolean equals(Object obj) {
        return obj instanceof RecordTypeInfo<?> other && other.getTypeClass() == getTypeClass();
    }

    @Override
    public int hashCode() {
        return getTypeClass().hashCode();
    }
}

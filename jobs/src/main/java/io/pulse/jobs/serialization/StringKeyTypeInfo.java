package io.pulse.jobs.serialization;

import org.apache.flink.api.common.serialization.SerializerConfig;
import org.apache.flink.api.common.typeutils.TypeSerializer;

/** What the jobs key their streams by instead of {@code Types.STRING}: a string, with {@link StringKeySerializer}. */
public final class StringKeyTypeInfo extends LeafTypeInfo<String> {

    private static final long serialVersionUID = 1L;

    public static final StringKeyTypeInfo INSTANCE = new StringKeyTypeInfo();

    private StringKeyTypeInfo() {
        super(String.class, "StringKey");
    }

    @Override
    public boolean isKeyType() {
        return true; // String's hashCode and equals are by value
    }

    @Override
    public TypeSerializer<String> createSerializer(SerializerConfig config) {
        return StringKeySerializer.INSTANCE;
    }
}

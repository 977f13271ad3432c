package io.pulse.jobs.serialization;

import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;
import org.apache.flink.types.StringValue;

import java.io.IOException;
import java.util.Set;

/** Field formats the record serializers share. */
public final class Fields {

    private Fields() {}

    /** A string that may be null ({@link StringValue}'s format, as Flink's string serializer writes it). */
    public static void string(String s, DataOutputView target) throws IOException {
        StringValue.writeString(s, target);
    }

    public static String string(DataInputView source) throws IOException {
        return StringValue.readString(source);
    }

    /** A set of names: the count, then each name. */
    public static void names(Set<String> names, DataOutputView target) throws IOException {
        target.writeInt(names.size());
        for (String name : names) {
            StringValue.writeString(name, target);
        }
    }

    public static Set<String> names(DataInputView source) throws IOException {
        int size = source.readInt();
        if (size == 0) {
            return Set.of();
        }
        String[] names = new String[size];
        for (int i = 0; i < size; i++) {
            names[i] = StringValue.readString(source);
        }
        return Set.of(names);
    }
}

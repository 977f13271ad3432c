package io.pulse.jobs.serialization;

import org.apache.flink.api.common.typeinfo.TypeInformation;

/**
 * What the type information of a type with a serializer of ours has in common: one leaf field,
 * not a key unless a subclass says so, equal to every instance of the same class. Subclasses name
 * the class and return their serializer.
 */
public abstract class LeafTypeInfo<T> extends TypeInformation<T> {

    private static final long serialVersionUID = 1L;

    private final Class<T> typeClass;
    private final String name;

    protected LeafTypeInfo(Class<T> typeClass, String name) {
        this.typeClass = typeClass;
        this.name = name;
    }

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
    public Class<T> getTypeClass() {
        return typeClass;
    }

    @Override
    public boolean isKeyType() {
        return false;
    }

    @Override
    public String toString() {
        return name;
    }

    @Override
    public boolean equals(Object obj) {
        return obj != null && obj.getClass() == getClass();
    }

    @Override
    public int hashCode() {
        return getClass().hashCode();
    }

    @Override
    public boolean canEqual(Object obj) {
        return equals(obj);
    }
}

package io.pulse.bridge.registers;

import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** The registers of one meter model: which table, and where each field is. {@code power} is required. */
public record RegisterMap(String name, RegisterKind kind, Map<MeterField, FieldSpec> fields) {

    /** Modbus reads at most 125 registers per request. */
    public static final int MAX_REGISTERS_PER_READ = 125;

    public RegisterMap {
        if (!fields.containsKey(MeterField.POWER)) {
            throw new IllegalArgumentException("register map '" + name + "' has no 'power' field (it is required)");
        }
        fields = Collections.unmodifiableMap(new EnumMap<>(fields));
    }

    public static RegisterMap of(String name, RegisterKind kind, List<FieldSpec> specs) {
        Map<MeterField, FieldSpec> byField = new EnumMap<>(MeterField.class);
        for (FieldSpec spec : specs) {
            if (byField.put(spec.field(), spec) != null) {
                throw new IllegalArgumentException("register map '" + name + "' names '" + spec.field().jsonName() + "' twice");
            }
        }
        return new RegisterMap(name, kind, byField);
    }

    /** First register of the span that covers every field. */
    public int firstAddress() {
        return fields.values().stream().mapToInt(FieldSpec::address).min().orElseThrow();
    }

    /** Registers from the first field's address to the end of the last field. */
    public int span() {
        return fields.values().stream().mapToInt(FieldSpec::end).max().orElseThrow() - firstAddress();
    }

    /** Whether one request can read every field (fewer round trips on a slow RS-485 bus). */
    public boolean fitsOneRead() {
        return span() <= MAX_REGISTERS_PER_READ;
    }
}

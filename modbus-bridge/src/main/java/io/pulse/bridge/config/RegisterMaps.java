package io.pulse.bridge.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.pulse.bridge.registers.FieldSpec;
import io.pulse.bridge.registers.MeterField;
import io.pulse.bridge.registers.Presets;
import io.pulse.bridge.registers.RegisterKind;
import io.pulse.bridge.registers.RegisterMap;
import io.pulse.bridge.registers.ValueType;
import io.pulse.bridge.registers.WordOrder;

/** Turns a map name into a {@link RegisterMap}: custom maps from the file, else presets. */
final class RegisterMaps {

    private RegisterMaps() {}

    static RegisterMap resolve(String name, Map<String, CustomMapConfig> custom) {
        if (name == null || name.isBlank()) {
            throw new ConfigException("no register map given (a preset: " + String.join(", ", Presets.names())
                    + ", or a name under registerMaps)");
        }
        CustomMapConfig own = custom.get(name);
        if (own != null) {
            return build(name, own);
        }
        return Presets.byName(name).orElseThrow(() -> new ConfigException("unknown register map '" + name
                + "' (presets: " + String.join(", ", Presets.names()) + "; custom: "
                + (custom.isEmpty() ? "none" : String.join(", ", custom.keySet().stream().sorted().toList())) + ")"));
    }

    private static RegisterMap build(String name, CustomMapConfig map) {
        String where = "registerMaps." + name;
        if (map.fields() == null || map.fields().isEmpty()) {
            throw new ConfigException(where + ": no fields");
        }
        RegisterKind kind = parse(RegisterKind.class, map.kind(), RegisterKind.INPUT, where + ".kind");
        List<FieldSpec> specs = new ArrayList<>();
        for (var entry : map.fields().entrySet()) {
            String at = where + ".fields." + entry.getKey();
            FieldConfig f = entry.getValue();
            try {
                MeterField field = MeterField.fromJsonName(entry.getKey());
                if (f == null || f.address() == null) {
                    throw new ConfigException(at + ".address is missing");
                }
                specs.add(new FieldSpec(field, f.address(),
                        parse(ValueType.class, f.type(), ValueType.FLOAT32, at + ".type"),
                        parse(WordOrder.class, f.wordOrder(), WordOrder.BIG, at + ".wordOrder"),
                        f.scale() == null ? 1 : f.scale()));
            } catch (IllegalArgumentException e) {
                throw new ConfigException(where + ": " + e.getMessage());
            }
        }
        try {
            return RegisterMap.of(name, kind, specs);
        } catch (IllegalArgumentException e) {
            throw new ConfigException(where + ": " + e.getMessage());
        }
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String value, E fallback, String where) {
        if (value == null) {
            return fallback;
        }
        try {
            return Enum.valueOf(type, value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            List<String> known = new ArrayList<>();
            for (E c : type.getEnumConstants()) {
                known.add(c.name().toLowerCase(Locale.ROOT));
            }
            throw new ConfigException(where + ": '" + value + "' is not one of " + String.join(", ", known));
        }
    }
}

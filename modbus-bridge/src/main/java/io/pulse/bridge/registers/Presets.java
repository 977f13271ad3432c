package io.pulse.bridge.registers;

import static io.pulse.bridge.registers.FieldSpec.float32;
import static io.pulse.bridge.registers.MeterField.*;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Register maps of supported meters. Addresses are Eastron's documented input registers
 * (function 04, IEEE 754 float32, high word first); "30001" in Eastron's manuals is address 0x0000.
 * The import energy register counts kWh: scale 1000 gives the contract's Wh.
 */
public final class Presets {

    /** Eastron SDM120, single phase. */
    public static final RegisterMap SDM120 = RegisterMap.of("sdm120", RegisterKind.INPUT, List.of(
            float32(VOLTAGE, 0x0000, 1),            // 30001 voltage V
            float32(CURRENT, 0x0006, 1),            // 30007 current A
            float32(POWER, 0x000C, 1),              // 30013 active power W
            float32(POWER_FACTOR, 0x001E, 1),       // 30031 power factor
            float32(FREQUENCY, 0x0046, 1),          // 30071 frequency Hz
            float32(ENERGY_REGISTER_WH, 0x0048, 1000))); // 30073 import active energy kWh

    /** Eastron SDM630, three phase: system totals and averages. */
    public static final RegisterMap SDM630 = RegisterMap.of("sdm630", RegisterKind.INPUT, List.of(
            float32(VOLTAGE, 0x002A, 1),            // 30043 average line-to-neutral volts
            float32(CURRENT, 0x0030, 1),            // 30049 sum of line currents A
            float32(POWER, 0x0034, 1),              // 30053 total system power W
            float32(POWER_FACTOR, 0x003E, 1),       // 30063 total system power factor
            float32(FREQUENCY, 0x0046, 1),          // 30071 frequency Hz
            float32(ENERGY_REGISTER_WH, 0x0048, 1000))); // 30073 total import active energy kWh

    private static final Map<String, RegisterMap> BY_NAME = Map.of("sdm120", SDM120, "sdm630", SDM630);

    private Presets() {}

    public static Optional<RegisterMap> byName(String name) {
        return Optional.ofNullable(BY_NAME.get(name.toLowerCase(Locale.ROOT)));
    }

    public static List<String> names() {
        return BY_NAME.keySet().stream().sorted().toList();
    }
}

package io.pulse.bridge.registers;

/** The quantities of a meter reading, named as in the contract's meter-reading JSON. */
public enum MeterField {
    VOLTAGE("voltage"),
    CURRENT("current"),
    POWER("power"),
    POWER_FACTOR("powerFactor"),
    FREQUENCY("frequency"),
    ENERGY_REGISTER_WH("energyRegisterWh");

    private final String jsonName;

    MeterField(String jsonName) {
        this.jsonName = jsonName;
    }

    /** The contract's field name, also the key used in custom register maps. */
    public String jsonName() {
        return jsonName;
    }

    public static MeterField fromJsonName(String name) {
        for (MeterField f : values()) {
            if (f.jsonName.equals(name)) {
                return f;
            }
        }
        throw new IllegalArgumentException("unknown field '" + name + "' (known: voltage, current, power, "
                + "powerFactor, frequency, energyRegisterWh)");
    }
}

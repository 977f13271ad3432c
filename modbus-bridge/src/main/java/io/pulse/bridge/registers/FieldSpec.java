package io.pulse.bridge.registers;

/**
 * Where one field lives: its register address (0-based, as on the wire), layout, and the factor
 * that turns the raw value into the contract's unit (e.g. 1000 for a kWh register read as Wh).
 */
public record FieldSpec(MeterField field, int address, ValueType type, WordOrder wordOrder, double scale) {

    public FieldSpec {
        if (address < 0 || address + type.registers() - 1 > 0xFFFF) {
            throw new IllegalArgumentException(field.jsonName() + ": register address " + address
                    + " is outside 0..65535");
        }
        if (!Double.isFinite(scale) || scale == 0) {
            throw new IllegalArgumentException(field.jsonName() + ": scale must be a non-zero number");
        }
    }

    public static FieldSpec float32(MeterField field, int address, double scale) {
        return new FieldSpec(field, address, ValueType.FLOAT32, WordOrder.BIG, scale);
    }

    /** One past the last register this field occupies. */
    public int end() {
        return address + type.registers();
    }
}

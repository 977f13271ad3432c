package io.pulse.bridge.registers;

/** How a value is laid out in 16-bit registers. */
public enum ValueType {
    FLOAT32(2), INT16(1), UINT16(1), INT32(2), UINT32(2);

    private final int registers;

    ValueType(int registers) {
        this.registers = registers;
    }

    public int registers() {
        return registers;
    }
}

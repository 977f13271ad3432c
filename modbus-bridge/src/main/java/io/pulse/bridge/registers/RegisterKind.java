package io.pulse.bridge.registers;

/** Which Modbus table a map reads: input registers (function 04) or holding registers (03). */
public enum RegisterKind {
    INPUT, HOLDING
}

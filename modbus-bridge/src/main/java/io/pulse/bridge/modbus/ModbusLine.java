package io.pulse.bridge.modbus;

import io.pulse.bridge.registers.RegisterKind;

/** One Modbus connection (a TCP endpoint or a serial line) shared by the meters on it; not thread-safe. */
public interface ModbusLine extends AutoCloseable {

    /**
     * Reads {@code count} registers from unit {@code unitId}.
     *
     * @return unsigned 16-bit register values
     * @throws MeterFault on timeout, CRC error, exception response or I/O failure
     */
    int[] read(int unitId, RegisterKind kind, int address, int count) throws MeterFault;

    /** Where this line goes, for messages. */
    String describe();

    @Override
    void close();
}

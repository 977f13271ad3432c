package io.pulse.bridge.modbus;

import com.ghgande.j2mod.modbus.ModbusException;
import com.ghgande.j2mod.modbus.ModbusIOException;
import com.ghgande.j2mod.modbus.ModbusSlaveException;
import com.ghgande.j2mod.modbus.facade.AbstractModbusMaster;
import com.ghgande.j2mod.modbus.facade.ModbusSerialMaster;
import com.ghgande.j2mod.modbus.facade.ModbusTCPMaster;
import com.ghgande.j2mod.modbus.procimg.InputRegister;
import com.ghgande.j2mod.modbus.util.SerialParameters;

import io.pulse.bridge.config.SerialEndpoint;
import io.pulse.bridge.config.TcpEndpoint;
import io.pulse.bridge.registers.RegisterKind;

/**
 * A {@link ModbusLine} on j2mod's masters. It connects lazily and drops the connection after a
 * failure, so the next read starts on a fresh one (a late answer must not be taken for the next).
 * Retries are the caller's ({@link MeterReader}): j2mod makes one try per request.
 */
public final class J2modLine implements ModbusLine {

    private final AbstractModbusMaster master;
    private final String description;
    private final int timeoutMs;
    private boolean connected;

    private J2modLine(AbstractModbusMaster master, String description, int timeoutMs) {
        this.master = master;
        this.description = description;
        this.timeoutMs = timeoutMs;
    }

    public static J2modLine tcp(TcpEndpoint endpoint, int timeoutMs) {
        ModbusTCPMaster master = new ModbusTCPMaster(endpoint.host(), endpoint.port(), timeoutMs, false);
        return new J2modLine(master, "modbus tcp " + endpoint.host() + ":" + endpoint.port(), timeoutMs);
    }

    public static J2modLine rtu(SerialEndpoint endpoint, int timeoutMs) {
        SerialParameters params = new SerialParameters();
        params.setPortName(endpoint.port());
        params.setBaudRate(endpoint.baud());
        params.setDatabits(endpoint.dataBits());
        params.setStopbits(endpoint.stopBits());
        params.setParity(endpoint.parity().toLowerCase());
        params.setEncoding("rtu");
        params.setEcho(false);
        ModbusSerialMaster master = new ModbusSerialMaster(params, timeoutMs);
        return new J2modLine(master, "modbus rtu " + endpoint.port() + " " + endpoint.baud() + " "
                + endpoint.dataBits() + endpoint.parity().toUpperCase().charAt(0) + endpoint.stopBits(), timeoutMs);
    }

    /** Opens the connection now (the serial port at start, so a wrong port is reported at once). */
    public void open() throws MeterFault {
        try {
            if (!connected) {
                master.connect();
                master.setRetries(1); // one try: j2mod reads 0 as its default of 5; retries are MeterReader's
                connected = true;
            }
        } catch (Exception e) {
            disconnect();
            throw new MeterFault("cannot open " + description + ": " + e.getMessage(), e);
        }
    }

    @Override
    public int[] read(int unitId, RegisterKind kind, int address, int count) throws MeterFault {
        try {
            if (!connected) {
                master.connect();
                master.setRetries(1); // one try: j2mod reads 0 as its default of 5; retries are MeterReader's
                connected = true;
            }
            InputRegister[] registers = kind == RegisterKind.INPUT
                    ? master.readInputRegisters(unitId, address, count)
                    : master.readMultipleRegisters(unitId, address, count);
            if (registers == null || registers.length < count) {
                throw new MeterFault("short answer: " + (registers == null ? 0 : registers.length) + " of " + count
                        + " registers");
            }
            int[] words = new int[count];
            for (int i = 0; i < count; i++) {
                words[i] = registers[i].toUnsignedShort();
            }
            return words;
        } catch (ModbusSlaveException e) {
            // The meter answered, with an exception code: the connection is fine.
            throw new MeterFault("exception response " + e.getType() + " (" + e.getMessage() + ")", e);
        } catch (ModbusIOException e) {
            disconnect();
            throw new MeterFault(describeIo(e), e);
        } catch (ModbusException e) {
            disconnect();
            throw new MeterFault(String.valueOf(e.getMessage()), e);
        } catch (MeterFault e) {
            disconnect();
            throw e;
        } catch (Exception e) {
            disconnect();
            throw new MeterFault("cannot open " + description + ": " + e.getMessage(), e);
        }
    }

    private String describeIo(ModbusIOException e) {
        String message = String.valueOf(e.getMessage());
        String lower = message.toLowerCase();
        if (lower.contains("crc")) {
            return "CRC error in the answer";
        }
        if (lower.contains("timed out") || lower.contains("timeout")) {
            return "timeout: no answer within " + timeoutMs + " ms";
        }
        return "no valid answer: " + message;
    }

    private void disconnect() {
        connected = false;
        try {
            master.disconnect();
        } catch (RuntimeException ignored) {
            // already broken; the next read reconnects
        }
    }

    @Override
    public String describe() {
        return description;
    }

    @Override
    public void close() {
        disconnect();
    }
}

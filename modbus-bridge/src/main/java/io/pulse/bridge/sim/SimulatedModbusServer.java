package io.pulse.bridge.sim;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import com.ghgande.j2mod.modbus.ModbusException;
import com.ghgande.j2mod.modbus.slave.ModbusSlave;
import com.ghgande.j2mod.modbus.slave.ModbusSlaveFactory;
import com.ghgande.j2mod.modbus.util.SerialParameters;

import io.pulse.bridge.registers.RegisterMap;

/**
 * A Modbus slave (j2mod) that serves {@link SimulatedMeter}s: over TCP on 127.0.0.1 for demos
 * and tests, or over a serial line (RTU). Several meters share it under different unit ids, as
 * on a real RS-485 bus or behind a TCP gateway.
 *
 * <pre>{@code
 * try (var server = SimulatedModbusServer.tcp(0)) {
 *     SimulatedMeter meter = server.addMeter(1, Presets.SDM630);
 *     meter.setPower(2500);
 * }
 * }</pre>
 */
public final class SimulatedModbusServer implements AutoCloseable {

    /** Handler threads: a silent meter holds one per unanswered request for a while. */
    private static final int POOL = 32;

    private final ModbusSlave slave;
    private final int port;
    private final List<SimulatedMeter> meters = new CopyOnWriteArrayList<>();
    private final ScheduledExecutorService clock;

    private SimulatedModbusServer(ModbusSlave slave, int port) {
        this.slave = slave;
        this.port = port;
        this.clock = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "simulated-meter-clock");
            t.setDaemon(true);
            return t;
        });
        clock.scheduleAtFixedRate(() -> meters.forEach(SimulatedMeter::tick), 100, 100, TimeUnit.MILLISECONDS);
    }

    /** Modbus TCP on 127.0.0.1; port 0 picks a free one (see {@link #port()}). */
    public static SimulatedModbusServer tcp(int port) {
        int chosen = port > 0 ? port : freePort();
        try {
            ModbusSlave slave = ModbusSlaveFactory.createTCPSlave(InetAddress.getLoopbackAddress(), chosen, POOL, false);
            slave.open();
            return new SimulatedModbusServer(slave, chosen);
        } catch (ModbusException e) {
            throw new IllegalStateException("cannot start a Modbus TCP slave on 127.0.0.1:" + chosen + ": " + e.getMessage(), e);
        }
    }

    /** Modbus RTU on a serial device (e.g. one end of a socat pty pair). */
    public static SimulatedModbusServer rtu(String device, int baud) {
        SerialParameters params = new SerialParameters();
        params.setPortName(device);
        params.setBaudRate(baud);
        params.setDatabits(8);
        params.setParity("none");
        params.setStopbits(1);
        params.setEncoding("rtu");
        params.setEcho(false);
        try {
            ModbusSlave slave = ModbusSlaveFactory.createSerialSlave(params);
            slave.open();
            return new SimulatedModbusServer(slave, 0);
        } catch (ModbusException e) {
            throw new IllegalStateException("cannot start a Modbus RTU slave on " + device + ": " + e.getMessage(), e);
        }
    }

    /** Adds a healthy meter under {@code unitId}. */
    public SimulatedMeter addMeter(int unitId, RegisterMap map) {
        SimulatedMeter[] holder = new SimulatedMeter[1];
        SimulatedMeter meter = new SimulatedMeter(unitId, map, () -> install(holder[0]));
        holder[0] = meter;
        meters.add(meter);
        install(meter);
        return meter;
    }

    private void install(SimulatedMeter meter) {
        slave.addProcessImage(meter.unitId(), meter.currentImage());
    }

    /** The TCP port (0 for a serial server). */
    public int port() {
        return port;
    }

    @Override
    public void close() {
        clock.shutdownNow();
        ModbusSlaveFactory.close(slave);
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

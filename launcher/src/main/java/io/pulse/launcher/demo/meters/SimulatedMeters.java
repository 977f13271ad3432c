package io.pulse.launcher.demo.meters;

import io.pulse.bridge.ModbusBridge;
import io.pulse.bridge.config.ConfigLoader;
import io.pulse.bridge.registers.Presets;
import io.pulse.bridge.sim.SimulatedMeter;
import io.pulse.bridge.sim.SimulatedModbusServer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The demo's smart meters, the way a campus has them: simulated Eastron meters answering Modbus
 * TCP on 127.0.0.1, read by the real Modbus bridge, which publishes their readings to
 * {@code energy/meters/{meterId}/readings}. Their loads change every second: a building's
 * incomer wanders around 12 kW, a freezer's compressor cycles, the lighting switches.
 */
public final class SimulatedMeters implements AutoCloseable {
    public static final List<String> METER_IDS = List.of("main-incomer", "lab-2-freezer", "hall-b-lighting");

    private final SimulatedModbusServer server;
    private final ModbusBridge bridge;
    private final ScheduledExecutorService loads;

    private SimulatedMeters(SimulatedModbusServer server, ModbusBridge bridge, ScheduledExecutorService loads) {
        this.server = server;
        this.bridge = bridge;
        this.loads = loads;
    }

    public static SimulatedMeters start(Path folder, String brokerUri, Duration pollInterval) {
        SimulatedModbusServer server = SimulatedModbusServer.tcp(0);
        ScheduledExecutorService loads = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "pulse-demo-meter-loads");
            t.setDaemon(true);
            return t;
        });
        try {
            SimulatedMeter incomer = server.addMeter(1, Presets.SDM630);
            SimulatedMeter freezer = server.addMeter(2, Presets.SDM120);
            SimulatedMeter lighting = server.addMeter(3, Presets.SDM120);
            Random random = new Random(7);
            long[] second = {0};
            loads.scheduleAtFixedRate(() -> {
                long s = second[0]++;
                load(incomer, 12_000 + 2_500 * Math.sin(s / 60.0) + random.nextGaussian() * 300, 400);
                load(freezer, (s / 40) % 2 == 0 ? 320 + random.nextGaussian() * 10 : 15, 230);
                load(lighting, (s / 90) % 3 == 2 ? 0 : 1_800, 230);
            }, 0, 1, TimeUnit.SECONDS);
            String config = String.join("\n",
                    "bridgeId: demo-plant-room",
                    "mqtt:",
                    "  broker: " + brokerUri,
                    "queue:",
                    "  directory: " + folder.resolve("queue"),
                    "pollIntervalMs: " + pollInterval.toMillis(),
                    "buses:",
                    "  - name: demo-gateway",
                    "    tcp: { host: 127.0.0.1, port: " + server.port() + " }",
                    "    meters:",
                    "      - { id: " + METER_IDS.get(0) + ", unitId: 1, map: sdm630 }",
                    "      - { id: " + METER_IDS.get(1) + ", unitId: 2, map: sdm120 }",
                    "      - { id: " + METER_IDS.get(2) + ", unitId: 3, map: sdm120 }", "");
            ModbusBridge bridge = ModbusBridge.start(ConfigLoader.parse(config, "the demo's bridge"));
            return new SimulatedMeters(server, bridge, loads);
        } catch (RuntimeException e) {
            loads.shutdownNow();
            server.close();
            throw e;
        }
    }

    private static void load(SimulatedMeter meter, double watts, double volts) {
        double power = Math.max(0, watts);
        meter.setVoltage(volts + Math.sin(System.nanoTime() / 1e10) * 2);
        meter.setCurrent(power / volts);
        meter.setPower(power);
    }

    public int modbusPort() {
        return server.port();
    }

    /** Readings the bridge has taken from the meters. */
    public long readingsTaken() {
        return bridge.readingsTaken();
    }

    @Override
    public void close() throws InterruptedException {
        loads.shutdownNow();
        loads.awaitTermination(5, TimeUnit.SECONDS);
        bridge.close();
        server.close();
    }
}

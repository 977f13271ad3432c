package io.pulse.bridge.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import io.pulse.bridge.ModbusBridge;
import io.pulse.bridge.config.BridgeConfig;
import io.pulse.bridge.config.MeterConfig;
import io.pulse.bridge.registers.Presets;
import io.pulse.bridge.sim.SimulatedMeter;
import io.pulse.bridge.sim.SimulatedModbusServer;
import io.pulse.testservers.Await;
import io.pulse.testservers.MosquittoServer;

/**
 * Nothing is lost while the broker is away: it is SIGKILLed (a crash) for 20 s, and in the second
 * test the bridge itself is stopped with a full queue and a new one drains it.
 *
 * <p>The subscriber's session must survive the broker crash, or readings published right after
 * the broker comes back (before the subscriber has reconnected) would have nobody to go to. A
 * crashed Mosquitto restores what it last saved, so each test first creates the subscriber's
 * session and then restarts the broker cleanly, which saves it.
 */
class StoreAndForwardITCase {

    @RegisterExtension
    static final MosquittoServer MQTT = MosquittoServer.create();

    private static final Duration WAIT = Duration.ofSeconds(90);
    private static final long INTERVAL_MS = 250;
    private static final String TOPIC = "energy/meters/M1/readings";

    @TempDir
    Path queueDir;

    private SimulatedModbusServer modbus;
    private SimulatedMeter meter;

    @BeforeEach
    void meter() {
        modbus = SimulatedModbusServer.tcp(0);
        meter = modbus.addMeter(1, Presets.SDM120);
        meter.setPower(1800);
    }

    @org.junit.jupiter.api.AfterEach
    void stopMeter() {
        modbus.close();
    }

    @Test
    void brokerDownFor20SecondsLosesNothingAndKeepsOrder() throws Exception {
        try (MqttCollector sub = new MqttCollector(MQTT, "sub-outage", TOPIC)) {
            MQTT.restart(); // saves the subscriber's session (see class comment)
            try (ModbusBridge bridge = ModbusBridge.start(config("b-outage"))) {
                Await.until(WAIT, () -> sub.on(TOPIC).size() >= 4, () -> sub.all().toString());

                MQTT.kill();
                long queuedAtKill = bridge.queued();
                Thread.sleep(20_000); // the outage; the bridge keeps polling
                System.out.printf("queued after the 20 s outage: %d%n", bridge.queued());
                assertThat(bridge.queued()).isGreaterThan(queuedAtKill + 40); // ~80 readings at 250 ms
                MQTT.start();

                // stop taking readings, then everything taken must arrive
                meter.goSilent();
                Await.until(WAIT, () -> bridge.queued() == 0 && sub.distinctTs(TOPIC).size() == bridge.readingsTaken(),
                        () -> "queued " + bridge.queued() + ", taken " + bridge.readingsTaken()
                                + ", received distinct " + sub.distinctTs(TOPIC).size());
                assertReceivedInOrder(sub, bridge.readingsTaken());
            }
        }
    }

    @Test
    void aRestartedBridgeSendsWhatTheStoppedOneQueued() throws Exception {
        try (MqttCollector sub = new MqttCollector(MQTT, "sub-restart", TOPIC)) {
            MQTT.restart();
            long takenByFirst;
            try (ModbusBridge first = ModbusBridge.start(config("b-restart"))) {
                Await.until(WAIT, () -> sub.on(TOPIC).size() >= 4, () -> sub.all().toString());
                MQTT.kill();
                Await.until(WAIT, () -> first.queued() >= 20, () -> "queued " + first.queued());
                first.close(); // stops with the broker still down
                assertThat(first.queued()).isGreaterThanOrEqualTo(20);
                takenByFirst = first.readingsTaken();
            }
            MQTT.start();
            try (ModbusBridge second = ModbusBridge.start(config("b-restart"))) {
                Await.until(WAIT, () -> sub.distinctTs(TOPIC).size() >= takenByFirst + 4, () -> "received distinct "
                        + sub.distinctTs(TOPIC).size() + " of " + takenByFirst + " + new");
                meter.goSilent();
                Await.until(WAIT, () -> second.queued() == 0
                        && sub.distinctTs(TOPIC).size() == takenByFirst + second.readingsTaken(),
                        () -> "queued " + second.queued() + ", taken " + takenByFirst + "+" + second.readingsTaken()
                                + ", received distinct " + sub.distinctTs(TOPIC).size());
                assertReceivedInOrder(sub, takenByFirst + second.readingsTaken());
            }
        }
    }

    /** Exactly {@code expected} distinct readings, first copies in ts order (QoS 1 may add duplicates). */
    private static void assertReceivedInOrder(MqttCollector sub, long expected) {
        List<Long> ts = sub.distinctTs(TOPIC);
        System.out.printf("readings taken %d, received %d copies, %d distinct%n", expected, sub.on(TOPIC).size(), ts.size());
        assertThat(ts).hasSize((int) expected).isSorted();
        assertThat(sub.on(TOPIC)).allMatch(r -> r.get("power").asDouble() == 1800.0 && r.get("meterId").asText().equals("M1"));
        // the meter's counter never goes backwards along the received order
        List<Double> energy = sub.on(TOPIC).stream().map(r -> r.get("energyRegisterWh").asDouble()).distinct().toList();
        assertThat(energy).isSorted();
    }

    private BridgeConfig config(String bridgeId) {
        return BridgeFixture.tcpBridge(bridgeId, MQTT, queueDir, modbus.port(), INTERVAL_MS,
                List.of(new MeterConfig("M1", 1, "sdm120", null)));
    }
}

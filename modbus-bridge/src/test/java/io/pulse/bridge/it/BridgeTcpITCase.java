package io.pulse.bridge.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

import io.pulse.bridge.ModbusBridge;
import io.pulse.bridge.config.MeterConfig;
import io.pulse.bridge.registers.Presets;
import io.pulse.bridge.sim.SimulatedMeter;
import io.pulse.bridge.sim.SimulatedModbusServer;
import io.pulse.testservers.Await;
import io.pulse.testservers.MosquittoServer;

/** Simulated SDM meters over real Modbus TCP -> bridge -> real Mosquitto -> a subscriber. */
class BridgeTcpITCase {

    @RegisterExtension
    static final MosquittoServer MQTT = MosquittoServer.create();

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final long INTERVAL_MS = 500;

    @TempDir
    Path queueDir;

    @Test
    void publishesContractJsonAtTheConfiguredInterval() throws Exception {
        try (SimulatedModbusServer server = SimulatedModbusServer.tcp(0);
                MqttCollector sub = new MqttCollector(MQTT, "sub-interval", "energy/#")) {
            SimulatedMeter three = server.addMeter(1, Presets.SDM630);
            SimulatedMeter single = server.addMeter(2, Presets.SDM120);
            three.setPower(2500);
            three.setVoltage(231.5);
            three.setCurrent(10.8);
            three.setPowerFactor(0.97);
            three.setFrequency(49.98);
            single.setPower(800.5);

            try (ModbusBridge bridge = ModbusBridge.start(BridgeFixture.tcpBridge("b-interval", MQTT, queueDir,
                    server.port(), INTERVAL_MS, List.of(new MeterConfig("M1", 1, "sdm630", null),
                            new MeterConfig("M2", 2, "sdm120", null))))) {
                Await.until(WAIT, () -> sub.on("energy/meters/M1/readings").size() >= 8
                        && sub.on("energy/meters/M2/readings").size() >= 8, () -> sub.all().toString());

                List<JsonNode> m1 = sub.on("energy/meters/M1/readings");
                for (JsonNode r : m1) {
                    assertThat(r.get("meterId").asText()).isEqualTo("M1");
                    assertThat(r.get("power").asDouble()).isEqualTo(2500.0);
                    assertThat(r.get("voltage").asDouble()).isEqualTo(231.5);
                    assertThat(r.get("current").asDouble()).isEqualTo(10.8);
                    assertThat(r.get("powerFactor").asDouble()).isEqualTo(0.97);
                    assertThat(r.get("frequency").asDouble()).isEqualTo(49.98);
                    assertThat(r.get("energyRegisterWh").isNumber()).isTrue();
                }
                // the meter's own counter accumulates (2500 W for a few seconds)
                assertThat(m1.get(m1.size() - 1).get("energyRegisterWh").asDouble())
                        .isGreaterThan(m1.get(0).get("energyRegisterWh").asDouble());
                assertThat(sub.on("energy/meters/M2/readings")).allSatisfy(r -> {
                    assertThat(r.get("meterId").asText()).isEqualTo("M2");
                    assertThat(r.get("power").asDouble()).isEqualTo(800.5);
                });

                // spacing of readings: the configured interval (median, so one slow poll does not count)
                List<Long> ts = sub.distinctTs("energy/meters/M1/readings");
                assertThat(ts).isSorted();
                List<Long> gaps = new ArrayList<>();
                for (int i = 1; i < ts.size(); i++) {
                    gaps.add(ts.get(i) - ts.get(i - 1));
                }
                gaps.sort(null);
                assertThat((double) gaps.get(gaps.size() / 2)).isCloseTo(INTERVAL_MS, within(INTERVAL_MS * 0.4));

                // a new power value shows up in the next readings
                int before = sub.on("energy/meters/M1/readings").size();
                three.setPower(1200);
                Await.until(WAIT, () -> sub.on("energy/meters/M1/readings").stream().skip(before)
                        .anyMatch(r -> r.get("power").asDouble() == 1200.0), () -> sub.all().toString());

                // the retained status says online, both meters ok
                JsonNode status = lastStatus(sub, "b-interval");
                assertThat(status.get("state").asText()).isEqualTo("online");
                assertThat(status.get("meters")).extracting(m -> m.get("state").asText()).containsOnly("ok");
            }
            // a clean stop leaves "offline" retained
            Await.until(WAIT, () -> "offline".equals(lastStatus(sub, "b-interval").get("state").asText()),
                    () -> sub.all().toString());
        }
    }

    @Test
    void aFailingMeterIsAGapInTheStatusNeverAnInventedReading() throws Exception {
        try (SimulatedModbusServer server = SimulatedModbusServer.tcp(0);
                MqttCollector sub = new MqttCollector(MQTT, "sub-fault", "energy/#")) {
            SimulatedMeter healthy = server.addMeter(1, Presets.SDM630);
            SimulatedMeter failing = server.addMeter(2, Presets.SDM120);
            failing.setPower(640);
            try (ModbusBridge bridge = ModbusBridge.start(BridgeFixture.tcpBridge("b-fault", MQTT, queueDir,
                    server.port(), INTERVAL_MS, List.of(new MeterConfig("H", 1, "sdm630", null),
                            new MeterConfig("F", 2, "sdm120", null))))) {
                Await.until(WAIT, () -> sub.on("energy/meters/F/readings").size() >= 2, () -> sub.all().toString());

                // 1. no answer at all: timeouts
                failing.goSilent();
                Await.until(WAIT, () -> meterStatus(sub, "b-fault", "F") != null
                        && "fault".equals(meterStatus(sub, "b-fault", "F").get("state").asText()), () -> sub.all().toString());
                JsonNode fault = meterStatus(sub, "b-fault", "F");
                assertThat(fault.get("gapSince").asLong()).isPositive();
                assertThat(fault.get("error").asText()).isEqualTo("timeout: no answer within 500 ms (after 2 attempts)");
                assertThat(meterStatus(sub, "b-fault", "H").get("state").asText()).isEqualTo("ok");

                // while the meter is silent the healthy one goes on, and F publishes nothing
                int fReadings = sub.on("energy/meters/F/readings").size();
                int hReadings = sub.on("energy/meters/H/readings").size();
                Await.until(WAIT, () -> sub.on("energy/meters/H/readings").size() >= hReadings + 4, () -> sub.all().toString());
                assertThat(sub.on("energy/meters/F/readings")).hasSize(fReadings);

                // 2. an exception response is a fault too, with its reason
                failing.answerWithExceptions();
                Await.until(WAIT, () -> meterStatus(sub, "b-fault", "F").get("error").asText().contains("exception response 2"),
                        () -> sub.all().toString());
                assertThat(sub.on("energy/meters/F/readings")).hasSize(fReadings);

                // 3. back: readings again, and the status keeps the closed gap
                failing.recover();
                Await.until(WAIT, () -> "ok".equals(meterStatus(sub, "b-fault", "F").get("state").asText()),
                        () -> sub.all().toString());
                JsonNode recovered = meterStatus(sub, "b-fault", "F");
                assertThat(recovered.get("lastGap").get("from").asLong()).isEqualTo(fault.get("gapSince").asLong());
                assertThat(recovered.get("lastGap").get("to").asLong()).isGreaterThan(fault.get("gapSince").asLong());
                assertThat(recovered.get("failedPolls").asLong()).isGreaterThanOrEqualTo(2);
                Await.until(WAIT, () -> sub.on("energy/meters/F/readings").size() > fReadings, () -> sub.all().toString());
                // no reading of F was taken inside the gap
                long from = recovered.get("lastGap").get("from").asLong();
                long to = recovered.get("lastGap").get("to").asLong();
                assertThat(sub.on("energy/meters/F/readings")).noneMatch(r -> r.get("ts").asLong() > from
                        && r.get("ts").asLong() < to);
                assertThat(sub.on("energy/meters/F/readings")).allMatch(r -> r.get("power").asDouble() == 640.0);
            }
        }
    }

    @Test
    void aWrongUnitIdIsNamedInTheFault() throws Exception {
        try (SimulatedModbusServer server = SimulatedModbusServer.tcp(0);
                MqttCollector sub = new MqttCollector(MQTT, "sub-unit", "energy/#")) {
            server.addMeter(1, Presets.SDM630);
            try (ModbusBridge bridge = ModbusBridge.start(BridgeFixture.tcpBridge("b-unit", MQTT, queueDir,
                    server.port(), INTERVAL_MS, List.of(new MeterConfig("W", 9, "sdm630", null))))) {
                Await.until(WAIT, () -> meterStatus(sub, "b-unit", "W") != null
                        && "fault".equals(meterStatus(sub, "b-unit", "W").get("state").asText()), () -> sub.all().toString());
                assertThat(meterStatus(sub, "b-unit", "W").get("error").asText())
                        .endsWith("check register map 'sdm630' and unit id 9 for this meter");
                assertThat(bridge.readingsTaken()).isZero();
            }
        }
    }

    /** A custom map from YAML: holding registers (function 03), integers, word-swapped, scaled. */
    @Test
    void aCustomRegisterMapFromYaml() throws Exception {
        String yaml = """
                bridgeId: b-custom
                mqtt: { broker: %s }
                queue: { directory: %s }
                pollIntervalMs: 300
                buses:
                  - tcp: { host: 127.0.0.1, port: %d }
                    meters: [ { id: C1, unitId: 3, map: plc-meter } ]
                registerMaps:
                  plc-meter:
                    kind: holding
                    fields:
                      voltage: { address: 0x0100, type: uint16, scale: 0.1 }
                      power: { address: 0x0102, type: int32, wordOrder: little }
                      energyRegisterWh: { address: 0x0104, type: uint32, scale: 10 }
                """;
        try (SimulatedModbusServer server = SimulatedModbusServer.tcp(0);
                MqttCollector sub = new MqttCollector(MQTT, "sub-custom", "energy/meters/C1/readings")) {
            io.pulse.bridge.config.BridgeConfig config = io.pulse.bridge.config.ConfigLoader.parse(
                    yaml.formatted(MQTT.uri(), queueDir, server.port()), "custom.yaml");
            SimulatedMeter meter = server.addMeter(3, config.registerMap(config.buses().get(0).meters().get(0)));
            meter.setVoltage(231.7);
            meter.setPower(-1250); // exporting
            try (ModbusBridge bridge = ModbusBridge.start(config)) {
                Await.until(WAIT, () -> sub.on("energy/meters/C1/readings").size() >= 2, () -> sub.all().toString());
            }
            JsonNode r = sub.on("energy/meters/C1/readings").get(1);
            assertThat(r.get("voltage").asDouble()).isCloseTo(231.7, within(1e-9));
            assertThat(r.get("power").asDouble()).isEqualTo(-1250.0);
            assertThat(r.has("current")).isFalse(); // not in the map: not invented
            assertThat(r.get("energyRegisterWh").asDouble() % 10).isZero(); // a counter in 10 Wh steps
        }
    }

    static JsonNode lastStatus(MqttCollector sub, String bridgeId) {
        List<JsonNode> all = sub.on("energy/bridges/" + bridgeId + "/status");
        return all.isEmpty() ? com.fasterxml.jackson.databind.node.MissingNode.getInstance() : all.get(all.size() - 1);
    }

    static JsonNode meterStatus(MqttCollector sub, String bridgeId, String meterId) {
        JsonNode status = lastStatus(sub, bridgeId);
        if (!status.has("meters")) {
            return null;
        }
        for (JsonNode m : status.get("meters")) {
            if (m.get("meterId").asText().equals(meterId)) {
                return m;
            }
        }
        return null;
    }
}

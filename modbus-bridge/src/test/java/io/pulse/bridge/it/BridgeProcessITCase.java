package io.pulse.bridge.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

import io.pulse.bridge.cli.BridgeCommand;
import io.pulse.bridge.registers.Presets;
import io.pulse.bridge.sim.SimulatedModbusServer;
import io.pulse.testservers.Await;
import io.pulse.testservers.MosquittoServer;

/**
 * The bridge as a program in a JVM of its own (the command line, the YAML file): SIGTERM stops
 * it cleanly with "offline" on its status topic, and SIGKILL leaves the same word through the
 * last will, retained for whoever subscribes later.
 */
class BridgeProcessITCase {

    @RegisterExtension
    static final MosquittoServer MQTT = MosquittoServer.create();

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final String STATUS = "energy/bridges/proc/status";

    @TempDir
    Path dir;

    @Test
    void sigtermSaysOfflineAndSigkillLeavesTheLastWill() throws Exception {
        try (SimulatedModbusServer modbus = SimulatedModbusServer.tcp(0);
                MqttCollector sub = new MqttCollector(MQTT, "sub-proc", "energy/#")) {
            modbus.addMeter(1, Presets.SDM630).setPower(990);
            Path config = dir.resolve("bridge.yaml");
            Files.writeString(config, """
                    bridgeId: proc
                    mqtt: { broker: %s }
                    queue: { directory: %s }
                    pollIntervalMs: 300
                    buses:
                      - tcp: { host: 127.0.0.1, port: %d }
                        meters: [ { id: P1, unitId: 1, map: sdm630 } ]
                    """.formatted(MQTT.uri(), dir.resolve("queue"), modbus.port()));

            Process clean = start(config, "clean.log");
            awaitOnlineWithReadings(sub, clean);
            clean.destroy(); // SIGTERM: the shutdown hook stops the bridge
            assertThat(clean.waitFor(30, TimeUnit.SECONDS)).isTrue();
            Await.until(WAIT, () -> "offline".equals(last(sub).path("state").asText()), () -> sub.all().toString());
            assertThat(last(sub).has("ts")).isTrue(); // the clean-stop message, not the will

            Process crashed = start(config, "crashed.log");
            awaitOnlineWithReadings(sub, crashed);
            crashed.destroyForcibly(); // SIGKILL: only the broker can tell
            crashed.waitFor(30, TimeUnit.SECONDS);
            Await.until(WAIT, () -> "offline".equals(last(sub).path("state").asText()), () -> sub.all().toString());
            assertThat(last(sub).has("ts")).isFalse(); // the will carries no time: it was written at connect

            // retained: a subscriber that comes later learns it too
            try (MqttCollector later = new MqttCollector(MQTT, "sub-proc-later", STATUS)) {
                Await.until(WAIT, () -> !later.on(STATUS).isEmpty(), () -> later.all().toString());
                assertThat(later.all().get(0).retained()).isTrue();
                assertThat(later.on(STATUS).get(0).get("state").asText()).isEqualTo("offline");
            }
        }
    }

    private void awaitOnlineWithReadings(MqttCollector sub, Process bridge) throws InterruptedException {
        int before = sub.on("energy/meters/P1/readings").size();
        Await.until(WAIT, () -> !bridge.isAlive() || ("online".equals(last(sub).path("state").asText())
                && sub.on("energy/meters/P1/readings").size() >= before + 2), () -> sub.all().toString());
        assertThat(bridge.isAlive()).as("bridge process running (see its log in %s)", dir).isTrue();
        assertThat(sub.on("energy/meters/P1/readings").get(before).get("power").asDouble()).isEqualTo(990.0);
    }

    private Process start(Path config, String log) throws Exception {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        return new ProcessBuilder(List.of(java.toString(), "-cp", System.getProperty("java.class.path"),
                BridgeCommand.class.getName(), "--config", config.toString()))
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve(log).toFile())
                .start();
    }

    private static JsonNode last(MqttCollector sub) {
        return BridgeTcpITCase.lastStatus(sub, "proc");
    }
}

package io.pulse.bridge.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import io.pulse.bridge.ModbusBridge;
import io.pulse.bridge.config.BridgeConfig;
import io.pulse.bridge.config.BusConfig;
import io.pulse.bridge.config.MeterConfig;
import io.pulse.bridge.config.MqttSettings;
import io.pulse.bridge.config.QueueSettings;
import io.pulse.bridge.config.SerialEndpoint;
import io.pulse.bridge.registers.Presets;
import io.pulse.bridge.sim.SimulatedMeter;
import io.pulse.bridge.sim.SimulatedModbusServer;
import io.pulse.testservers.Await;
import io.pulse.testservers.MosquittoServer;
import io.pulse.testservers.RequiredBinary;

/**
 * Modbus RTU framing (binary frames, CRC) over a real serial line: socat joins two
 * pseudo-terminals, j2mod's RTU slave (jSerialComm) serves a simulated SDM120 on one end and
 * the bridge polls it on the other.
 */
class RtuOverPtyITCase {

    @RegisterExtension
    static final MosquittoServer MQTT = MosquittoServer.create();

    private static final Duration WAIT = Duration.ofSeconds(60);

    @TempDir
    Path dir;

    private Process socat;
    private Path slaveEnd;
    private Path bridgeEnd;

    @BeforeEach
    void ptyPair() throws Exception {
        Path binary = RequiredBinary.find("socat", "socat");
        slaveEnd = dir.resolve("meter");
        bridgeEnd = dir.resolve("bridge");
        socat = new ProcessBuilder(binary.toString(), "-d", "-d",
                "pty,raw,echo=0,link=" + slaveEnd, "pty,raw,echo=0,link=" + bridgeEnd)
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("socat.log").toFile())
                .start();
        Await.until(WAIT, () -> Files.exists(slaveEnd) && Files.exists(bridgeEnd) || !socat.isAlive(),
                () -> "socat made no pty pair");
        assertThat(socat.isAlive()).as("socat is running (see %s)", dir.resolve("socat.log")).isTrue();
    }

    @AfterEach
    void stopSocat() throws InterruptedException {
        socat.destroy();
        socat.waitFor(10, TimeUnit.SECONDS);
    }

    /** A meter whose answers arrive with a broken CRC (line noise): a fault with that reason, no reading. */
    @Test
    void aCorruptedAnswerIsACrcFault() throws Exception {
        Thread noisyMeter = new Thread(() -> answerWithBadCrc(slaveEnd), "noisy-meter");
        noisyMeter.setDaemon(true);
        noisyMeter.start();
        try (MqttCollector sub = new MqttCollector(MQTT, "sub-crc", "energy/#")) {
            try (ModbusBridge bridge = ModbusBridge.start(rtuBridge("b-crc", 9))) {
                Await.until(WAIT, () -> BridgeTcpITCase.meterStatus(sub, "b-crc", "R9") != null
                        && "fault".equals(BridgeTcpITCase.meterStatus(sub, "b-crc", "R9").get("state").asText()),
                        () -> sub.all().toString());
                assertThat(BridgeTcpITCase.meterStatus(sub, "b-crc", "R9").get("error").asText())
                        .isEqualTo("CRC error in the answer (after 2 attempts)");
                assertThat(bridge.readingsTaken()).isZero();
            }
            assertThat(sub.on("energy/meters/R9/readings")).isEmpty();
        }
    }

    /** Reads each 8-byte request and answers it correctly framed, but with a wrong CRC. */
    private static void answerWithBadCrc(Path device) {
        try (var in = Files.newInputStream(device); var out = Files.newOutputStream(device)) {
            byte[] request = new byte[8];
            while (true) {
                int n = 0;
                while (n < 8) {
                    int r = in.read(request, n, 8 - n);
                    if (r < 0) {
                        return;
                    }
                    n += r;
                }
                int count = ((request[4] & 0xFF) << 8) | (request[5] & 0xFF);
                byte[] answer = new byte[3 + 2 * count + 2];
                answer[0] = request[0];
                answer[1] = request[1];
                answer[2] = (byte) (2 * count);
                answer[answer.length - 2] = 0x12; // not the CRC of this frame
                answer[answer.length - 1] = 0x34;
                out.write(answer);
                out.flush();
            }
        } catch (java.io.IOException e) {
            // socat went away at the end of the test
        }
    }

    private BridgeConfig rtuBridge(String bridgeId, int unitId) {
        return new BridgeConfig(bridgeId,
                new MqttSettings(MQTT.uri(), null, null, null),
                new QueueSettings(dir.resolve("queue").toString(), null),
                500L, 1000, 1, 1000L,
                List.of(new BusConfig("rs485", null,
                        new SerialEndpoint(bridgeEnd.toString(), 19200, "none", 8, 1),
                        List.of(new MeterConfig("R" + unitId, unitId, "sdm120", null)))),
                null);
    }

    @Test
    void aMissingSerialPortEndsTheStartWithOneLine() {
        BridgeConfig config = new BridgeConfig("b-noport",
                new MqttSettings(MQTT.uri(), null, null, null),
                new QueueSettings(dir.resolve("queue").toString(), null),
                500L, 1000, 1, 1000L,
                List.of(new BusConfig("rs485", null, new SerialEndpoint(dir.resolve("ttyUSB7").toString(), 9600, "none", 8, 1),
                        List.of(new MeterConfig("R1", 1, "sdm120", null)))),
                null);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> ModbusBridge.start(config))
                .isInstanceOf(io.pulse.bridge.config.ConfigException.class)
                .hasMessage("buses[0].rtu.port: serial port " + dir.resolve("ttyUSB7") + " does not exist");
    }

    @Test
    void readsAnSdm120OverRtu() throws Exception {
        try (SimulatedModbusServer server = SimulatedModbusServer.rtu(slaveEnd.toString(), 19200);
                MqttCollector sub = new MqttCollector(MQTT, "sub-rtu", "energy/meters/+/readings")) {
            SimulatedMeter meter = server.addMeter(5, Presets.SDM120);
            meter.setPower(432.25);
            meter.setVoltage(229.5);
            try (ModbusBridge bridge = ModbusBridge.start(rtuBridge("b-rtu", 5))) {
                Await.until(WAIT, () -> sub.on("energy/meters/R5/readings").size() >= 3, () -> sub.all().toString());
            }
            assertThat(sub.on("energy/meters/R5/readings")).allSatisfy(r -> {
                assertThat(r.get("meterId").asText()).isEqualTo("R5");
                assertThat(r.get("power").asDouble()).isEqualTo(432.25);
                assertThat(r.get("voltage").asDouble()).isEqualTo(229.5);
                assertThat(r.get("frequency").asDouble()).isEqualTo(50.0);
            });
        }
    }
}

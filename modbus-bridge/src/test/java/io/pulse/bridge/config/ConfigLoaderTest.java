package io.pulse.bridge.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.pulse.bridge.registers.MeterField;
import io.pulse.bridge.registers.Presets;
import io.pulse.bridge.registers.RegisterKind;
import io.pulse.bridge.registers.RegisterMap;
import io.pulse.bridge.registers.ValueType;
import io.pulse.bridge.registers.WordOrder;

class ConfigLoaderTest {

    private static final Path EXAMPLE = Path.of("config/bridge.example.yaml");

    @TempDir
    Path dir;

    @Test
    void theExampleFileIsValid() {
        BridgeConfig config = ConfigLoader.load(EXAMPLE);
        ConfigValidator.validate(config, false); // its /dev/ttyUSB0 is not on this machine
        assertThat(config.bridgeId()).isEqualTo("plant-room-a");
        assertThat(config.statusTopic()).isEqualTo("energy/bridges/plant-room-a/status");
        assertThat(config.pollIntervalMs()).isEqualTo(5000);
        assertThat(config.buses()).hasSize(2);
        BusConfig rtu = config.buses().get(0);
        assertThat(rtu.rtu().port()).isEqualTo("/dev/ttyUSB0");
        assertThat(rtu.rtu().baud()).isEqualTo(9600);
        assertThat(config.registerMap(rtu.meters().get(0))).isSameAs(Presets.SDM630);
        assertThat(config.registerMap(rtu.meters().get(1))).isSameAs(Presets.SDM120);
        MeterConfig hvac = config.buses().get(1).meters().get(0);
        assertThat(config.pollIntervalMs(hvac)).isEqualTo(10_000);

        RegisterMap custom = config.registerMap(config.buses().get(1).meters().get(1));
        assertThat(custom.kind()).isEqualTo(RegisterKind.HOLDING);
        assertThat(custom.fields().get(MeterField.VOLTAGE).address()).isEqualTo(0x100); // YAML hex
        assertThat(custom.fields().get(MeterField.VOLTAGE).type()).isEqualTo(ValueType.UINT16);
        assertThat(custom.fields().get(MeterField.VOLTAGE).scale()).isEqualTo(0.1);
        assertThat(custom.fields().get(MeterField.POWER).wordOrder()).isEqualTo(WordOrder.LITTLE);
    }

    @Test
    void defaultsForAMinimalFile() {
        BridgeConfig config = parse(minimal("{ id: m1, unitId: 1, map: sdm120 }"));
        ConfigValidator.validate(config, true);
        assertThat(config.timeoutMs()).isEqualTo(1000);
        assertThat(config.retries()).isEqualTo(2);
        assertThat(config.queue().maxReadings()).isEqualTo(QueueSettings.DEFAULT_MAX_READINGS);
        assertThat(config.buses().get(0).tcp().port()).isEqualTo(502);
    }

    @Test
    void unknownSettingNamesItsPathAndLine() {
        String yaml = minimal("{ id: m1, unitId: 1, map: sdm120, unitID: 2 }");
        assertThatThrownBy(() -> parse(yaml)).isInstanceOf(ConfigException.class)
                .hasMessageContaining("buses[0].meters[0].unitID: unknown setting 'unitID'")
                .hasMessageContaining("line 9")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
    }

    @Test
    void wrongTypeIsOneLine() {
        String yaml = minimal("{ id: m1, unitId: one, map: sdm120 }");
        assertThatThrownBy(() -> parse(yaml)).isInstanceOf(ConfigException.class)
                .hasMessageContaining("buses[0].meters[0].unitId: 'one' is not a valid integer")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
    }

    @Test
    void unitIdOutOfRange() {
        assertInvalid(minimal("{ id: m1, unitId: 300, map: sdm120 }"),
                "buses[0].meters[0] (m1): unitId 300 is outside 0..255");
        assertInvalid(rtu("/dev/null", "{ id: m1, unitId: 0, map: sdm120 }"),
                "buses[0].meters[0] (m1): unitId 0 is outside 1..247");
    }

    @Test
    void duplicateUnitIdOnABusAndDuplicateMeterId() {
        assertInvalid(minimal("{ id: m1, unitId: 1, map: sdm120 }\n      - { id: m2, unitId: 1, map: sdm120 }"),
                "unitId 1 is used twice");
        assertInvalid(minimal("{ id: m1, unitId: 1, map: sdm120 }\n      - { id: m1, unitId: 2, map: sdm120 }"),
                "meter id 'm1' is used twice");
    }

    @Test
    void unknownRegisterMap() {
        assertInvalid(minimal("{ id: m1, unitId: 1, map: sdm72 }"),
                "buses[0].meters[0] (m1): unknown register map 'sdm72' (presets: sdm120, sdm630; custom: none)");
    }

    @Test
    void badCustomMaps() {
        String base = minimal("{ id: m1, unitId: 1, map: mine }") + "registerMaps:\n  mine:\n    fields:\n";
        assertInvalid(base + "      voltage: { address: 0 }\n", "registerMaps.mine: register map 'mine' has no 'power' field");
        assertInvalid(base + "      power: { address: 0, type: float64 }\n",
                "registerMaps.mine.fields.power.type: 'float64' is not one of float32, int16, uint16, int32, uint32");
        assertInvalid(base + "      watts: { address: 0 }\n", "unknown field 'watts'");
        assertInvalid(base + "      power: { type: float32 }\n", "registerMaps.mine.fields.power.address is missing");
    }

    @Test
    void missingSerialPortIsNamed() {
        assertInvalid(rtu("/dev/ttyUSB-nope", "{ id: m1, unitId: 1, map: sdm120 }"),
                "buses[0].rtu.port: serial port /dev/ttyUSB-nope does not exist");
    }

    @Test
    void badSerialSettings() {
        String yaml = rtu("/dev/null", "{ id: m1, unitId: 1, map: sdm120 }").replace("parity: none", "parity: mark");
        assertInvalid(yaml, "buses[0].rtu.parity 'mark' is not one of none, even, odd");
    }

    @Test
    void brokerAndQueueAndIds() {
        assertInvalid(minimal("{ id: m1, unitId: 1, map: sdm120 }").replace("tcp://127.0.0.1:1883", "http://x"),
                "mqtt.broker 'http://x' must start with tcp:// or ssl://");
        assertInvalid(minimal("{ id: m/1, unitId: 1, map: sdm120 }"), "buses[0].meters[0].id 'm/1' must be");
        assertInvalid(minimal("{ id: m1, unitId: 1, map: sdm120 }").replace("queue:\n  directory: q\n", ""),
                "queue.directory is missing");
    }

    @Test
    void fileErrors() throws Exception {
        assertThatThrownBy(() -> ConfigLoader.load(dir.resolve("nope.yaml")))
                .hasMessage("config file " + dir.resolve("nope.yaml") + " does not exist");
        Path broken = dir.resolve("broken.yaml");
        Files.writeString(broken, "bridgeId: [unclosed\n");
        assertThatThrownBy(() -> ConfigLoader.load(broken)).isInstanceOf(ConfigException.class)
                .hasMessageStartingWith(broken + ":");
    }

    private static void assertInvalid(String yaml, String message) {
        assertThatThrownBy(() -> ConfigValidator.validate(parse(yaml), true))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining(message)
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
    }

    private static BridgeConfig parse(String yaml) {
        return ConfigLoader.parse(yaml, "test.yaml");
    }

    private static String minimal(String meters) {
        return """
                bridgeId: b1
                mqtt:
                  broker: tcp://127.0.0.1:1883
                queue:
                  directory: q
                buses:
                  - tcp: { host: 127.0.0.1 }
                    meters:
                      - %s
                """.formatted(meters);
    }

    private static String rtu(String port, String meters) {
        return """
                bridgeId: b1
                mqtt:
                  broker: tcp://127.0.0.1:1883
                queue:
                  directory: q
                buses:
                  - rtu: { port: %s, baud: 9600, parity: none }
                    meters:
                      - %s
                """.formatted(port, meters);
    }
}

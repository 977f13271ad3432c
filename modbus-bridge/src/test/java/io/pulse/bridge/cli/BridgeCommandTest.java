package io.pulse.bridge.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import picocli.CommandLine;

/** The program's user errors: exit code 2 and one line on stderr, no stack trace. */
class BridgeCommandTest {

    @TempDir
    Path dir;

    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine cli = BridgeCommand.commandLine();
        cli.setErr(new PrintWriter(err, true));
        cli.setOut(new PrintWriter(new StringWriter(), true));
        return cli.execute(args);
    }

    @Test
    void checkAcceptsAValidFile() throws Exception {
        Path file = dir.resolve("ok.yaml");
        Files.writeString(file, """
                bridgeId: b1
                mqtt: { broker: tcp://127.0.0.1:1883 }
                queue: { directory: %s }
                buses:
                  - tcp: { host: 127.0.0.1, port: 5020 }
                    meters: [ { id: m1, unitId: 1, map: sdm630 } ]
                """.formatted(dir.resolve("q")));
        assertThat(run("--config", file.toString(), "--check")).isZero();
        assertThat(err.toString()).isEmpty();
    }

    @Test
    void theExampleNamesItsMissingSerialPort() {
        // the example's /dev/ttyUSB0 does not exist on a build machine
        assertThat(run("--config", "config/bridge.example.yaml", "--check")).isEqualTo(2);
        assertThat(err.toString()).isEqualTo("pulse-modbus-bridge: buses[0].rtu.port: serial port /dev/ttyUSB0 does not exist"
                + System.lineSeparator());
    }

    @Test
    void missingFileAndMissingOption() {
        assertThat(run("--config", dir.resolve("nope.yaml").toString())).isEqualTo(2);
        assertThat(err.toString()).isEqualTo("pulse-modbus-bridge: config file " + dir.resolve("nope.yaml")
                + " does not exist" + System.lineSeparator());
        err.getBuffer().setLength(0);
        assertThat(run()).isEqualTo(2);
        assertThat(err.toString().lines()).containsExactly(
                "pulse-modbus-bridge: --config FILE is required (see modbus-bridge/config/bridge.example.yaml)");
    }

    @Test
    void wrongUnitIdIsOneLine() throws Exception {
        Path file = dir.resolve("bad.yaml");
        Files.writeString(file, """
                bridgeId: b1
                mqtt: { broker: tcp://127.0.0.1:1883 }
                queue: { directory: q }
                buses:
                  - tcp: { host: 127.0.0.1 }
                    meters: [ { id: m1, unitId: 999, map: sdm630 } ]
                """);
        assertThat(run("-c", file.toString(), "--check")).isEqualTo(2);
        assertThat(err.toString().lines()).containsExactly(
                "pulse-modbus-bridge: buses[0].meters[0] (m1): unitId 999 is outside 0..255");
    }
}

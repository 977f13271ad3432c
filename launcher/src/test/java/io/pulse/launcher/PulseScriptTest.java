package io.pulse.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What the {@code ./pulse} script answers itself, without Java: its usage, and the help of the
 * commands it runs itself (build, test). The launcher's commands are {@link PulseTest}'s.
 */
class PulseScriptTest {
    private static final Path SCRIPT = Path.of("..", "pulse").toAbsolutePath().normalize();

    private record Result(int code, String out, String err) {}

    private static Result script(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("bash", SCRIPT.toString()));
        command.addAll(List.of(args));
        Path out = Files.createTempFile("pulse-script", ".out");
        Path err = Files.createTempFile("pulse-script", ".err");
        try {
            Process p = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
            int code = p.waitFor();
            return new Result(code, Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"build --help", "build -h", "help build", "test --help", "test -h", "help test"})
    void buildAndTestHaveTheirHelp(String commandLine) throws Exception {
        Result r = script(commandLine.split(" "));
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).startsWith("Usage: ./pulse " + commandLine.replace("help ", "").split(" ")[0])
                .contains("Example").contains("-h, --help");
    }

    @Test
    void theScriptsUsageListsWhatTheLaunchersDoes() throws Exception {
        Result r = script("--help");
        assertThat(r.code()).isZero();
        for (String command : List.of("demo", "run <job>", "db migrate", "people import", "bridge", "build", "test",
                "help [<command>]", "--version")) {
            assertThat(r.out()).contains("  " + command);
            assertThat(Pulse.usage()).contains("  " + command);
        }
    }

    @Test
    void anUnknownCommandIsOneLineWithAHint() throws Exception {
        Result r = script("deploy");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err().strip()).isEqualTo("pulse: unknown command 'deploy'; the commands are demo, run, db migrate,"
                + " people import, bridge, test, build, help ('./pulse --help' explains them)");
        r = script("build", "--fast");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err().strip()).isEqualTo("pulse: build takes no arguments, got '--fast' ('./pulse build --help' explains it)");
    }
}

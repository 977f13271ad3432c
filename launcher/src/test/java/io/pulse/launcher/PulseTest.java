package io.pulse.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class PulseTest {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int pulse(String... args) throws Exception {
        return Pulse.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8).strip();
    }

    @Test
    void helpAndWrongCalls() throws Exception {
        assertThat(pulse("help")).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("demo").contains("run <job>")
                .contains("db migrate");
        assertThat(pulse()).isEqualTo(2);
        assertThat(pulse("deploy")).isEqualTo(2);
        assertThat(err()).endsWith("pulse: unknown command 'deploy'; the commands are demo, run,"
                + " db migrate, people import, test, build, help");
    }

    @Test
    void runDelegatesToTheJobs() throws Exception {
        assertThat(pulse("run", "telemetry")).isEqualTo(2);
        assertThat(err()).isEqualTo("pulse: --mqtt.broker is required (tcp://host:port or"
                + " ssl://host:port)");
        err.reset();
        assertThat(pulse("run", "energy", "--mqtt.broker", "tcp://127.0.0.1:1883"))
                .isEqualTo(2);
        assertThat(err()).startsWith("pulse: --jdbc.url is required for the energy job");
    }

    @Test
    void dbMigrateChecksItsOptions() throws Exception {
        assertThat(pulse("db", "migrate")).isEqualTo(2);
        assertThat(err()).isEqualTo("pulse: --jdbc.url is required (e.g."
                + " jdbc:mysql://127.0.0.1:3306/pulse)");
        err.reset();
        assertThat(pulse("db", "migrate", "--jdbc.url", "jdbc:mysql://h:3306/pulse",
                "--mqtt.broker", "tcp://h:1883")).isEqualTo(2);
        assertThat(err()).isEqualTo("pulse: unknown option --mqtt.broker; the options are"
                + " --jdbc.url, --jdbc.user, --jdbc.password");
        err.reset();
        assertThat(pulse("db", "migrate", "--jdbc.url", "jdbc:mysql://127.0.0.1:1/pulse",
                "--jdbc.user", "pulse", "--jdbc.password", "secret")).isEqualTo(1);
        assertThat(err()).startsWith("pulse: cannot connect to MySQL at"
                + " jdbc:mysql://127.0.0.1:1/pulse as pulse: ").doesNotContain("secret");
        err.reset();
        assertThat(pulse("db", "upgrade")).isEqualTo(2);
        assertThat(err()).startsWith("pulse: unknown db command 'upgrade'; usage:");
    }

    @Test
    void demoTakesNoArguments() throws Exception {
        assertThat(pulse("demo", "--fast")).isEqualTo(2);
        assertThat(err()).isEqualTo("pulse: demo takes no arguments, got '--fast'");
    }
}

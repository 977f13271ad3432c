package io.pulse.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import io.pulse.jobs.options.Option;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PulseTest {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int pulse(String... args) throws Exception {
        out.reset();
        err.reset();
        return Pulse.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8).strip();
    }

    @Test
    void helpAndWrongCalls() throws Exception {
        assertThat(pulse("help")).isZero();
        assertThat(out()).contains("demo").contains("run <job>").contains("db migrate").contains("--version");
        assertThat(pulse()).isEqualTo(2);
        assertThat(pulse("deploy")).isEqualTo(2);
        assertThat(err()).isEqualTo("pulse: unknown command 'deploy'; the commands are demo, run,"
                + " db migrate, people import, bridge, test, build, help ('pulse --help' explains them)");
        assertThat(pulse("help", "deploy")).isEqualTo(2);
        assertThat(err()).isEqualTo("pulse: no help for 'deploy': there is no such command ('pulse --help' explains them)");
    }

    @ParameterizedTest
    @ValueSource(strings = {"--version", "-V", "version"})
    void versionNamesPulseFlinkAndJava(String flag) throws Exception {
        assertThat(pulse(flag)).isZero();
        assertThat(out()).containsPattern("(?m)^pulse (\\d+\\.\\d+\\.\\d+\\S*|\\(version unknown: not built by Maven\\))$")
                .containsPattern("(?m)^Flink 2\\.\\d+")
                .contains("Java " + System.getProperty("java.version"));
        assertThat(err()).isEmpty();
    }

    /** Every command's help, however asked for: its usage, its options with their defaults, an example; exit 0. */
    @ParameterizedTest
    @ValueSource(strings = {"demo --help", "demo -h", "help demo",
        "run --help", "run -h", "help run", "run help",
        "run telemetry --help", "run telemetry -h", "help run telemetry", "run help telemetry",
        "run movement --help", "run energy -h", "run energy --mqtt.broker tcp://h:1 --help",
        "db migrate --help", "db migrate -h", "db --help", "help db", "help db migrate",
        "db migrate --jdbc.url jdbc:mysql://h/p -h",
        "people import --help", "people --help", "help people", "help people import", "people import roster.csv -h"})
    void everyCommandHasItsHelp(String commandLine) throws Exception {
        assertThat(pulse(commandLine.split(" "))).as(err()).isZero();
        assertThat(err()).isEmpty();
        assertThat(out()).startsWith("Usage: pulse ").contains("Example:").contains("-h, --help");
    }

    @Test
    void aJobsHelpListsItsOptionsAndRunsOwnOnesWithDefaults() throws Exception {
        assertThat(pulse("run", "telemetry", "--help")).isZero();
        for (Option o : Option.values()) {
            if (o.appliesTo("telemetry")) {
                assertThat(out()).contains(o.flag() + " " + o.placeholder());
            }
        }
        assertThat(out()).contains("--jdbc.connect-timeout DURATION").contains("[default 10s]")
                .contains("--mqtt.start-timeout DURATION").contains("[default 60s]")
                .contains("--state.dir DIR").contains("--fresh").doesNotContain("--movement.hmac-key ")
                .contains("pulse run telemetry --mqtt.broker tcp://127.0.0.1:1883");
    }

    @Test
    void dbMigratesHelpListsExactlyTheOptionsItParses() throws Exception {
        assertThat(pulse("db", "migrate", "--help")).isZero();
        for (Option o : Option.values()) {
            if (Pulse.DB_OPTIONS.contains(o)) {
                assertThat(out()).contains(o.flag() + " " + o.placeholder());
            } else {
                assertThat(out()).doesNotContain(o.flag() + " ");
            }
        }
        for (Set<Option> set : java.util.List.of(Pulse.DB_OPTIONS, PeopleCommand.OPTIONS)) {
            assertThat(set).contains(Option.JDBC_CONNECT_TIMEOUT, Option.JDBC_SOCKET_TIMEOUT);
        }
    }

    @Test
    void runDelegatesToTheJobs() throws Exception {
        assertThat(pulse("run", "telemetry")).isEqualTo(2);
        assertThat(err()).isEqualTo("pulse: --mqtt.broker is required (tcp://host:port or"
                + " ssl://host:port) ('pulse run telemetry --help' lists the options)");
        assertThat(pulse("run", "energy", "--mqtt.broker", "tcp://127.0.0.1:1883"))
                .isEqualTo(2);
        assertThat(err()).startsWith("pulse: --jdbc.url is required for the energy job");
        assertThat(pulse("run")).isEqualTo(2);
        assertThat(err()).isEqualTo("pulse: run needs a job: telemetry, movement, energy ('pulse run --help' lists the options)");
        assertThat(pulse("run", "telemetri")).isEqualTo(2);
        assertThat(err()).isEqualTo("pulse: unknown job 'telemetri'; the jobs are telemetry, movement, energy"
                + " ('pulse run --help' lists the options)");
    }

    @Test
    void aWrongRunCommandLineIsRefusedBeforeTheStateIsTouched() throws Exception {
        assertThat(pulse("run", "telemetry", "--fresh", "--state.dir", "/nonexistent/pulse-state", "--mqtt.broker",
                "tcp://h:1883", "--jdbc.url", "jdbc:mysql://h/p", "--bogus", "1")).isEqualTo(2);
        assertThat(out()).isEmpty(); // neither "--fresh: removed" nor "no checkpoint to resume"
        assertThat(err()).startsWith("pulse: unknown option --bogus; the options are ")
                .endsWith("('pulse run telemetry --help' lists the options)").doesNotContain("\n");
    }

    @Test
    void dbMigrateChecksItsOptions() throws Exception {
        assertThat(pulse("db", "migrate")).isEqualTo(2);
        assertThat(err()).isEqualTo("pulse: --jdbc.url is required (e.g."
                + " jdbc:mysql://127.0.0.1:3306/pulse) ('pulse db migrate --help' lists the options)");
        assertThat(pulse("db", "migrate", "--jdbc.url", "jdbc:mysql://h:3306/pulse",
                "--mqtt.broker", "tcp://h:1883")).isEqualTo(2);
        assertThat(err()).isEqualTo("pulse: unknown option --mqtt.broker; the options are"
                + " --jdbc.url, --jdbc.user, --jdbc.password, --jdbc.connect-timeout, --jdbc.socket-timeout"
                + " ('pulse db migrate --help' lists the options)");
        assertThat(pulse("db", "migrate", "--jdbc.url", "jdbc:mysql://127.0.0.1:1/pulse",
                "--jdbc.user", "pulse", "--jdbc.password", "secret")).isEqualTo(1);
        assertThat(err()).startsWith("pulse: cannot connect to MySQL at"
                + " jdbc:mysql://127.0.0.1:1/pulse as pulse: ").doesNotContain("secret");
        assertThat(pulse("db", "upgrade")).isEqualTo(2);
        assertThat(err()).startsWith("pulse: unknown db command 'upgrade'; usage:")
                .endsWith("('pulse db migrate --help' lists the options)");
    }

    @Test
    void anEmptyPasswordIsAcceptedByEveryCommand() throws Exception {
        // accepted: the command goes on to the database, which is not there
        assertThat(pulse("db", "migrate", "--jdbc.url", "jdbc:mysql://127.0.0.1:1/pulse", "--jdbc.user", "pulse",
                "--jdbc.password", "")).isEqualTo(1);
        assertThat(err()).startsWith("pulse: cannot connect to MySQL at jdbc:mysql://127.0.0.1:1/pulse as pulse: ");
        assertThat(pulse("run", "telemetry", "--mqtt.broker", "tcp://h:1883", "--mqtt.username", "u", "--mqtt.password", "",
                "--jdbc.url", "jdbc:mysql://h/p", "--jdbc.password", "", "--bogus", "1")).isEqualTo(2);
        assertThat(err()).startsWith("pulse: unknown option --bogus"); // not "--jdbc.password needs a value"
    }

    @Test
    void demoTakesNoArguments() throws Exception {
        assertThat(pulse("demo", "--fast")).isEqualTo(2);
        assertThat(err()).isEqualTo("pulse: demo takes no arguments, got '--fast' ('pulse demo --help' lists the options)");
    }
}

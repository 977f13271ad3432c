package io.pulse.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class PulseJobsTest {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) throws Exception {
        return PulseJobs.run("PulseJobs", args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void unknownJobListsTheJobs() throws Exception {
        assertThat(run("telemetri", "--mqtt.broker", "tcp://h:1883")).isEqualTo(2);
        assertThat(err()).isEqualTo("pulse: unknown job 'telemetri'; the jobs are telemetry,"
                + " movement, energy" + System.lineSeparator());
    }

    @Test
    void missingBrokerIsOneLine() throws Exception {
        assertThat(run("telemetry")).isEqualTo(2);
        assertThat(err()).isEqualTo("pulse: --mqtt.broker is required (tcp://host:port or"
                + " ssl://host:port)" + System.lineSeparator());
    }

    @Test
    void movementNeedsTheHmacKey() throws Exception {
        assertThat(run("movement", "--mqtt.broker", "tcp://h:1883")).isEqualTo(2);
        assertThat(err()).startsWith("pulse: --movement.hmac-key is required for the movement job");
    }

    @Test
    void wrongOptionIsOneLine() throws Exception {
        assertThat(run("energy", "--mqtt.broker", "tcp://h:1883", "--checkpoint.interval", "abc"))
                .isEqualTo(2);
        assertThat(err()).isEqualTo("pulse: --checkpoint.interval must be a positive number of"
                + " milliseconds, got 'abc'" + System.lineSeparator());
    }

    @Test
    void movementNeedsTheDatabaseToo() throws Exception {
        assertThat(run("movement", "--mqtt.broker", "tcp://h:1883", "--movement.hmac-key", "k")).isEqualTo(2);
        assertThat(err()).startsWith("pulse: --jdbc.url is required for the movement job");
    }

    @Test
    void movementRefusesMalformedQuietHours() throws Exception {
        assertThat(run("movement", "--mqtt.broker", "tcp://h:1883", "--movement.hmac-key", "k",
                "--jdbc.url", "jdbc:mysql://h:3306/pulse", "--movement.quiet-hours", "1-5")).isEqualTo(2);
        assertThat(err()).isEqualTo("pulse: --movement.quiet-hours must be HH:MM-HH:MM (UTC), e.g. 01:00-05:00,"
                + " got '1-5'" + System.lineSeparator());
    }

    @Test
    void energyNeedsTheDatabase() throws Exception {
        assertThat(run("energy", "--mqtt.broker=tcp://h:1883")).isEqualTo(2);
        assertThat(err()).isEqualTo("pulse: --jdbc.url is required for the energy job (energy_5min, energy_daily"
                + " and rejected messages go to MySQL)" + System.lineSeparator());
    }

    @Test
    void noArgumentsPrintsUsageAndFails() throws Exception {
        assertThat(run()).isEqualTo(2);
        assertThat(err()).startsWith("Usage: PulseJobs <job> [--key value ...]")
                .contains("telemetry").contains("--checkpoint.interval");
    }

    @Test
    void helpPrintsUsage() throws Exception {
        assertThat(run("help")).isEqualTo(0);
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("--movement.hmac-key");
        assertThat(err()).isEmpty();
    }

    @Test
    void theTelemetryJobNeedsItsDatabase() throws Exception {
        assertThat(run("telemetry", "--mqtt.broker", "tcp://h:1883")).isEqualTo(2);
        assertThat(err()).isEqualTo("pulse: --jdbc.url is required for the telemetry job (alerts and"
                + " rejected messages go to MySQL)" + System.lineSeparator());
    }

    @Test
    void mainThrowsTheOneLineReasonInsteadOfEndingTheJvm() {
        // Under a REST submission main runs inside the JobManager: System.exit would end it.
        assertThatThrownBy(() -> PulseJobs.main(new String[] {"movement", "--mqtt.broker", "tcp://h:1883"}))
                .isInstanceOf(PulseJobs.PulseJobsException.class)
                .hasMessageStartingWith("pulse: ")
                .hasMessageContaining("--movement.hmac-key")
                .satisfies(e -> assertThat(((PulseJobs.PulseJobsException) e).exitCode()).isEqualTo(2));
        assertThatThrownBy(() -> PulseJobs.main(new String[] {"telemetri"}))
                .hasMessage("pulse: unknown job 'telemetri'; the jobs are telemetry, movement, energy");
    }

    @Test
    void aJobsHelpListsItsOptionsWithDefaultsAndAnExample() throws Exception {
        for (PulseJob job : PulseJob.values()) {
            out.reset();
            assertThat(PulseJobs.run("./pulse run", new String[] {job.jobName(), "--help"},
                    new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8))).isZero();
            String help = out.toString(StandardCharsets.UTF_8);
            assertThat(help).startsWith("Usage: ./pulse run " + job.jobName()).contains("Example:");
            for (io.pulse.jobs.options.Option o : io.pulse.jobs.options.Option.values()) {
                if (o.appliesTo(job.jobName())) {
                    assertThat(help).contains(o.flag());
                } else {
                    assertThat(help).doesNotContain(o.flag() + " ");
                }
            }
        }
        assertThat(err()).isEmpty();
    }

    @Test
    void aWrongOptionOfPulseRunPointsToTheJobsHelp() throws Exception {
        assertThat(PulseJobs.run("./pulse run", new String[] {"energy", "--mqtt.brokr", "tcp://h:1"},
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8))).isEqualTo(2);
        assertThat(err()).isEqualTo("pulse: unknown option --mqtt.brokr (did you mean --mqtt.broker?)"
                + " ('./pulse run energy --help' lists the options)" + System.lineSeparator());
    }
}

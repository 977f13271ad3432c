package io.pulse.jobs.storage;

import io.pulse.jobs.PulseJobs;
import io.pulse.jobs.options.JobOptions;
import io.pulse.testservers.MariaDbServer;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The start-up steps of {@code pulse db migrate} and {@code pulse run} against a real MariaDB. */
class StorageSetupITCase {

    @RegisterExtension
    static final MariaDbServer DB = MariaDbServer.create();

    @Test
    void migrateAppliesTheSchemaAndCreatesTheReadOnlyUserFromTheEnvironment() throws Exception {
        String url = DB.createDatabase("setup_migrate");
        JobOptions options = JobOptions.parse("--jdbc.url", url, "--jdbc.user", "root"); // root has no password here

        String summary = StorageSetup.migrate(options, Map.of(ReadOnlyUser.PASSWORD_VARIABLE, "from-env"));

        assertThat(summary).startsWith("MySQL at jdbc:mysql://127.0.0.1:" + DB.port() + "/setup_migrate as root: schema at version 2")
                .contains("read-only user 'pulse_readonly' can SELECT").doesNotContain("from-env");
        try (Connection reader = DriverManager.getConnection(url, "pulse_readonly", "from-env")) {
            assertThat(reader.isValid(2)).isTrue();
        }
        assertThat(StorageSetup.migrate(options, Map.of())).endsWith("(0 migrations applied)");
    }

    @Test
    void aJobStartMigratesUnlessToldNotTo() throws Exception {
        String url = DB.createDatabase("setup_run");
        String[] run = {"energy", "--mqtt.broker", "tcp://127.0.0.1:1883",
                "--jdbc.url", url, "--jdbc.user", DB.user(), "--jdbc.password", DB.password()};
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();

        int code = PulseJobs.run("pulse", run, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));

        assertThat(out.toString(StandardCharsets.UTF_8)).contains("schema at version 2 (2 migrations applied)");
        assertThat(code).as("the job itself arrives with issue #6").isEqualTo(PulseJobs.EXIT_NOT_AVAILABLE);

        String[] noMigrate = java.util.stream.Stream.concat(java.util.Arrays.stream(run),
                java.util.stream.Stream.of("--jdbc.migrate", "false")).toArray(String[]::new);
        out.reset();
        PulseJobs.run("pulse", noMigrate, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        assertThat(out.toString(StandardCharsets.UTF_8)).doesNotContain("schema");
    }
}

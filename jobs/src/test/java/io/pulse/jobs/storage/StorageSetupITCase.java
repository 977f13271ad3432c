package io.pulse.jobs.storage;

import io.pulse.jobs.PulseJobs;
import io.pulse.jobs.options.JobOptions;
import io.pulse.testservers.Await;
import io.pulse.testservers.FlinkTestCluster;
import io.pulse.testservers.MariaDbServer;
import io.pulse.testservers.MosquittoServer;

import org.apache.flink.api.common.JobID;
import org.apache.flink.api.common.JobStatus;
import org.apache.flink.client.program.ClusterClient;
import org.apache.flink.runtime.client.JobStatusMessage;
import org.apache.flink.test.junit5.InjectClusterClient;
import org.apache.flink.test.junit5.MiniClusterExtension;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The start-up steps of {@code pulse db migrate} and {@code pulse run} against a real MariaDB (and, for run, Mosquitto and a test cluster). */
class StorageSetupITCase {

    @RegisterExtension
    static final MariaDbServer DB = MariaDbServer.create();

    @RegisterExtension
    static final MosquittoServer MQTT = MosquittoServer.create();

    @RegisterExtension
    static final MiniClusterExtension FLINK = FlinkTestCluster.extension();

    @Test
    void migrateAppliesTheSchemaAndCreatesTheReadOnlyUserFromTheEnvironment() throws Exception {
        String url = DB.createDatabase("setup_migrate");
        JobOptions options = JobOptions.parse("--jdbc.url", url, "--jdbc.user", "root"); // root has no password here

        String summary = StorageSetup.migrate(options, Map.of(ReadOnlyUser.PASSWORD_VARIABLE, "from-env"));

        assertThat(summary).startsWith("MySQL at jdbc:mysql://127.0.0.1:" + DB.port() + "/setup_migrate as root: schema at version 3")
                .contains("read-only user 'pulse_readonly' can SELECT").doesNotContain("from-env");
        try (Connection reader = DriverManager.getConnection(url, "pulse_readonly", "from-env")) {
            assertThat(reader.isValid(2)).isTrue();
        }
        assertThat(StorageSetup.migrate(options, Map.of())).endsWith("(0 migrations applied)");
    }

    @Test
    void aJobStartMigratesUnlessToldNotTo(@InjectClusterClient ClusterClient<?> cluster) throws Exception {
        String url = DB.createDatabase("setup_run");
        String[] run = {"energy", "--mqtt.broker", MQTT.uri(), "--mqtt.spool-dir", MQTT.newSpoolDirectory(),
                "--jdbc.url", url, "--jdbc.user", DB.user(), "--jdbc.password", DB.password()};

        String out = runUntilStartedThenCancel(run, cluster);
        assertThat(out).contains("schema at version 3 (3 migrations applied)").contains("energy job running");

        String[] noMigrate = java.util.stream.Stream.concat(java.util.Arrays.stream(run),
                java.util.stream.Stream.of("--jdbc.migrate", "false")).toArray(String[]::new);
        assertThat(runUntilStartedThenCancel(noMigrate, cluster)).doesNotContain("schema").contains("energy job running");
    }

    /** Runs {@code pulse run} until its job is running on the test cluster, cancels it, returns stdout. */
    private static String runUntilStartedThenCancel(String[] args, ClusterClient<?> cluster) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Thread run = new Thread(() -> {
            try {
                PulseJobs.run("pulse", args, new PrintStream(out, true, StandardCharsets.UTF_8),
                        new PrintStream(err, true, StandardCharsets.UTF_8));
            } catch (Exception cancelled) {
                // the cancellation below ends env.execute() with an exception: expected
            }
        });
        run.start();
        Await.until(Duration.ofSeconds(60), () -> running(cluster).isPresent(),
                () -> "no running job; stdout: " + out.toString(StandardCharsets.UTF_8) + " stderr: " + err.toString(StandardCharsets.UTF_8));
        cluster.cancel(running(cluster).orElseThrow()).get(30, TimeUnit.SECONDS);
        run.join(30_000);
        assertThat(run.isAlive()).as("pulse run returns once its job is cancelled").isFalse();
        return out.toString(StandardCharsets.UTF_8);
    }

    private static Optional<JobID> running(ClusterClient<?> cluster) {
        try {
            return cluster.listJobs().get(10, TimeUnit.SECONDS).stream()
                    .filter(job -> job.getJobState() == JobStatus.RUNNING).map(JobStatusMessage::getJobId).findFirst();
        } catch (Exception e) {
            return Optional.empty();
        }
    }
}

package io.pulse.launcher.run;

import io.pulse.testservers.MariaDbServer;
import io.pulse.testservers.MosquittoServer;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Ctrl-C on {@code ./pulse run telemetry}: the job stops in order, says so, exits 0 and leaves
 * nothing in the temporary folder: Flink's extracted RPC jar, the MiniCluster's folders and the
 * JVM's temporary files were all in the run's own folder there, which is removed.
 */
class RunStopsCleanlyITCase {

    @RegisterExtension
    static final MosquittoServer MQTT = MosquittoServer.create();

    @RegisterExtension
    static final MariaDbServer DB = MariaDbServer.create();

    @TempDir
    Path dir;

    @Test
    void ctrlCStopsTheJobWithAMessageAndLeavesNothingInTheTemporaryFolder() throws Exception {
        Path tmp = Files.createDirectory(dir.resolve("tmp"));
        try (PulseProcess pulse = PulseProcess.start(dir.resolve("run.log"), Map.of("TMPDIR", tmp.toString()),
                "run", "telemetry", "--mqtt.broker", MQTT.uri(), "--jdbc.url", DB.createDatabase("stops"),
                "--jdbc.user", DB.user(), "--jdbc.password", DB.password(), "--parallelism", "1",
                "--state.dir", dir.resolve("state").toString())) {
            pulse.awaitOutput("telemetry job subscribed, receiving");
            List<String> during = files(tmp);
            assertThat(during).as("the run's files, all in its one folder").isNotEmpty()
                    .allSatisfy(f -> assertThat(f).startsWith("pulse-run-"))
                    .anySatisfy(f -> assertThat(f).matches("pulse-run-\\d+-\\d+/flink-rpc-.*\\.jar"));

            pulse.signal("INT");

            assertThat(pulse.awaitExit()).as(pulse.output()).isZero();
            System.out.println(pulse.output()); // in the test's report, to read what a user sees
            assertThat(pulse.output())
                    .contains("pulse: SIGINT: stopping the telemetry job (its checkpoints are kept;")
                    .contains("pulse: the telemetry job stopped (SIGINT); its checkpoints stay in "
                            + dir.resolve("state").resolve("checkpoints") + ": the same command resumes it")
                    .contains("pulse: removed the run's temporary folder " + tmp);
            assertThat(files(tmp)).as("left in the temporary folder").isEmpty();
        }
    }

    private static List<String> files(Path root) throws Exception {
        try (Stream<Path> paths = Files.walk(root)) {
            return paths.filter(p -> !p.equals(root)).map(p -> root.relativize(p).toString()).sorted().toList();
        }
    }
}

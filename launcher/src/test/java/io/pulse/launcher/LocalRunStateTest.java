package io.pulse.launcher;

import io.pulse.jobs.options.OptionsException;

import org.apache.flink.configuration.StateRecoveryOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LocalRunStateTest {

    @TempDir
    Path dir;

    private final ByteArrayOutputStream printed = new ByteArrayOutputStream();
    private final PrintStream out = new PrintStream(printed, true, StandardCharsets.UTF_8);

    private static Path checkpoint(Path checkpoints, String job, int n, Instant taken) throws Exception {
        Path chk = Files.createDirectories(checkpoints.resolve(job).resolve("chk-" + n));
        Path metadata = Files.writeString(chk.resolve("_metadata"), "x");
        Files.setLastModifiedTime(metadata, FileTime.from(taken));
        return chk;
    }

    @Test
    void theStateFolderHoldsCheckpointsAndSpoolAndTheNewestCheckpointIsResumed() throws Exception {
        Path state = dir.resolve("telemetry");
        Path checkpoints = state.resolve("checkpoints");
        checkpoint(checkpoints, "aaa", 7, Instant.parse("2026-12-01T10:00:00Z"));
        Path newest = checkpoint(checkpoints, "bbb", 3, Instant.parse("2026-12-01T11:00:00Z"));
        Files.createDirectories(checkpoints.resolve("bbb").resolve("chk-4")); // started, never completed

        LocalRunState.Prepared run = LocalRunState.prepare(
                new String[] {"telemetry", "--mqtt.broker", "tcp://b:1883", "--state.dir", state.toString()}, Map.of(), out);

        assertThat(run.jobArgs()).containsExactly("telemetry", "--mqtt.broker", "tcp://b:1883",
                "--checkpoint.dir", checkpoints.toString(), "--mqtt.spool-dir", state.resolve("spool").toString());
        assertThat(run.flink().get(StateRecoveryOptions.SAVEPOINT_PATH)).isEqualTo(newest.toUri().toString());
        assertThat(printed.toString(StandardCharsets.UTF_8)).startsWith("pulse: resuming the telemetry job from " + newest);
        assertThat(checkpoints.resolve("aaa")).as("older runs' checkpoints are removed").doesNotExist();
    }

    @Test
    void freshDeletesCheckpointsAndSpoolAndStartsFromTheBeginning() throws Exception {
        Path state = dir.resolve("energy");
        checkpoint(state.resolve("checkpoints"), "aaa", 1, Instant.now());
        Files.createDirectories(state.resolve("spool").resolve("pulse-energy-0"));

        LocalRunState.Prepared run = LocalRunState.prepare(
                new String[] {"energy", "--fresh", "--state.dir=" + state}, Map.of(), out);

        assertThat(state.resolve("checkpoints")).doesNotExist();
        assertThat(state.resolve("spool")).doesNotExist();
        assertThat(run.flink().getOptional(StateRecoveryOptions.SAVEPOINT_PATH)).isEmpty();
        assertThat(printed.toString(StandardCharsets.UTF_8)).contains("--fresh: starting the energy job over")
                .contains("starting from the beginning");
    }

    @Test
    void aCheckpointFolderTheUserNamedIsNeverDeletedNorPrunedAndFreshDoesNotRestoreFromIt() throws Exception {
        Path shared = dir.resolve("shared-checkpoints");
        checkpoint(shared, "other-job", 5, Instant.parse("2026-12-01T09:00:00Z"));
        Path newest = checkpoint(shared, "this-job", 2, Instant.parse("2026-12-01T10:00:00Z"));

        LocalRunState.Prepared resumed = LocalRunState.prepare(
                new String[] {"energy", "--checkpoint.dir", shared.toString(), "--state.dir", dir.resolve("s").toString()}, Map.of(), out);
        assertThat(resumed.flink().get(StateRecoveryOptions.SAVEPOINT_PATH)).isEqualTo(newest.toUri().toString());
        assertThat(shared.resolve("other-job")).as("not pruned: not the state folder's").exists();

        LocalRunState.Prepared fresh = LocalRunState.prepare(
                new String[] {"energy", "--fresh", "--checkpoint.dir", shared.toString(), "--state.dir", dir.resolve("s").toString()}, Map.of(), out);
        assertThat(fresh.flink().getOptional(StateRecoveryOptions.SAVEPOINT_PATH)).isEmpty();
        assertThat(shared.resolve("this-job")).exists();
        assertThat(printed.toString(StandardCharsets.UTF_8)).contains("the --checkpoint.dir you gave is left as it is");
    }

    @Test
    void explicitDirectoriesWinAndTheDefaultFollowsXdg() {
        LocalRunState.Prepared run = LocalRunState.prepare(new String[] {"movement", "--checkpoint.dir", "/data/chk",
                "--mqtt.spool-dir=/data/spool"}, Map.of("XDG_STATE_HOME", dir.toString()), out);
        assertThat(List.of(run.jobArgs())).containsExactly("movement", "--checkpoint.dir", "/data/chk", "--mqtt.spool-dir=/data/spool");
        assertThat(LocalRunState.defaultStateDir(Map.of("XDG_STATE_HOME", "/x/state"), "energy")).isEqualTo(Path.of("/x/state/pulse/energy"));
        assertThat(LocalRunState.defaultStateDir(Map.of(), "energy"))
                .isEqualTo(Path.of(System.getProperty("user.home"), ".local", "state", "pulse", "energy"));
        assertThatThrownBy(() -> LocalRunState.prepare(new String[] {"energy", "--state.dir"}, Map.of(), out))
                .isInstanceOf(OptionsException.class).hasMessage("--state.dir needs a value");
    }

    @Test
    void helpAndMissingJobPassThroughUntouched() {
        String[] help = {"telemetry", "--help"};
        assertThat(LocalRunState.prepare(help, Map.of(), out).jobArgs()).isSameAs(help);
        assertThat(LocalRunState.prepare(new String[0], Map.of(), out).jobArgs()).isEmpty();
    }
}

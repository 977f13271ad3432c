package io.pulse.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunFolderTest {

    @TempDir
    Path tmp;

    @Test
    void aRunRemovesItsFolderAndWhatKilledRunsLeft() throws Exception {
        Process gone = new ProcessBuilder("true").start();
        gone.waitFor();
        Path killed = Files.createDirectories(tmp.resolve("pulse-run-" + gone.pid() + "-123").resolve("minicluster_x"));
        Files.writeString(killed.resolve("file"), "left by a kill -9");
        Path alive = Files.createDirectory(tmp.resolve("pulse-run-" + ProcessHandle.current().pid() + "-456"));
        Path other = Files.createDirectory(tmp.resolve("not-ours"));

        String before = System.getProperty("java.io.tmpdir");
        RunFolder folder = RunFolder.create(Map.of("TMPDIR", tmp.toString()));
        assertThat(folder.path().getParent()).isEqualTo(tmp);
        assertThat(System.getProperty("java.io.tmpdir")).isEqualTo(folder.path().toString());
        assertThat(killed.getParent()).doesNotExist();
        assertThat(alive).exists(); // its run may still be running
        Files.writeString(folder.path().resolve("flink-rpc-akka.jar"), "x");
        folder.close();

        assertThat(folder.path()).doesNotExist();
        assertThat(System.getProperty("java.io.tmpdir")).isEqualTo(before);
        try (Stream<Path> left = Files.list(tmp)) {
            assertThat(left).containsExactlyInAnyOrder(alive, other);
        }
    }
}

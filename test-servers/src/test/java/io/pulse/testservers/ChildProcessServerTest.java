package io.pulse.testservers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

/** Lifecycle rules of the base class, with stand-in "servers" that are shell one-liners. */
class ChildProcessServerTest {

    /** A server whose process prints a marker and dies before opening its port. */
    static final class CrashingServer extends ChildProcessServer {
        CrashingServer() {
            super("crasher");
        }

        @Override
        protected void prepare(Path dir, int port) {}

        @Override
        protected List<String> command(Path dir, int port) {
            StringBuilder script = new StringBuilder();
            for (int i = 1; i <= 60; i++) {
                script.append("echo line-").append(i).append("; ");
            }
            script.append("echo 'fatal: boom-marker' >&2; exit 3");
            return List.of("sh", "-c", script.toString());
        }
    }

    @Test
    void startFailureReportsExitCodeAndTheLast40LogLines() {
        try (CrashingServer server = new CrashingServer()) {
            assertThatThrownBy(server::start)
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("exited with code 3")
                    .hasMessageContaining("fatal: boom-marker") // stderr is captured too
                    .hasMessageContaining("line-60")
                    .hasMessageContaining("line-22")
                    .hasMessageNotContaining("line-21\n"); // only the last 40 lines
            assertThat(server.isRunning()).isFalse();
        }
    }

    @Test
    void stopDeletesTheDirectoryAndAFreshStartBeginsEmpty() {
        MosquittoServer server = MosquittoServer.create();
        try (server) {
            server.start();
            server.start(); // idempotent
            Path dir = server.directory();
            assertThat(dir).isDirectory();
            server.stop();
            assertThat(Files.exists(dir)).isFalse();
            assertThat(server.isRunning()).isFalse();

            server.start();
            assertThat(server.directory()).isNotEqualTo(dir).isDirectory();
            assertThat(server.isRunning()).isTrue();
        }
        assertThat(server.directory()).isNull();
    }
}

package io.pulse.firmware;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** A build command run to completion, its output kept in a log file for the report and failures. */
record CommandRun(List<String> command, int exitCode, String output, Path log) {

    static CommandRun run(List<String> command, Path workDir, Path log, Duration timeout) {
        try {
            Files.createDirectories(log.getParent());
            Process p = new ProcessBuilder(command).directory(workDir.toFile()).redirectErrorStream(true)
                    .redirectOutput(log.toFile()).start();
            if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                p.destroyForcibly().waitFor();
                throw new AssertionError("'" + String.join(" ", command) + "' did not finish within "
                        + timeout.toSeconds() + " s; its output: " + log);
            }
            return new CommandRun(command, p.exitValue(), Files.readString(log, StandardCharsets.UTF_8), log);
        } catch (IOException e) {
            throw new AssertionError("cannot run " + command + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    /** Fails with the command and the end of its output unless it succeeded. */
    CommandRun requireSuccess() {
        if (exitCode != 0) {
            throw new AssertionError("'" + String.join(" ", command) + "' failed with exit code " + exitCode
                    + " (whole output: " + log + "):\n" + tail(60));
        }
        return this;
    }

    String tail(int lines) {
        List<String> all = output.lines().toList();
        return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
    }
}

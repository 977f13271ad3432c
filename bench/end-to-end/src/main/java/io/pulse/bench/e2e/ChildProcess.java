package io.pulse.bench.e2e;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A process a side runs (./pulse run, python3, node), its stdout and stderr in a log file of its own.
 * {@link #stop} ends it with SIGTERM as Ctrl-C would, then SIGKILL after 30 s, with every descendant.
 */
final class ChildProcess implements AutoCloseable {

    private final Process process;
    private final Path log;
    private final String name;

    private ChildProcess(String name, Process process, Path log) {
        this.name = name;
        this.process = process;
        this.log = log;
    }

    static ChildProcess start(String name, List<String> command, Path workDir, Path log, Map<String, String> env)
            throws IOException {
        ProcessBuilder builder = new ProcessBuilder(command).directory(workDir.toFile()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().putAll(env);
        return new ChildProcess(name, builder.start(), log);
    }

    Path log() {
        return log;
    }

    long pid() {
        return process.pid();
    }

    /** Peak resident memory so far (VmHWM from Linux's /proc), in MB; -1 when it cannot be read. */
    long peakResidentMb() {
        try {
            for (String line : java.nio.file.Files.readAllLines(java.nio.file.Path.of("/proc", Long.toString(process.pid()), "status"))) {
                if (line.startsWith("VmHWM:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024;
                }
            }
        } catch (java.io.IOException | NumberFormatException e) {
            return -1;
        }
        return -1;
    }

    /**
     * Waits until the log holds {@code line}; fails if the process ends first, after {@code timeout}, or
     * (stopping it) when the log holds one of {@code refused}.
     */
    void awaitOutput(String line, Duration timeout, String... refused) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            String output = Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8) : "";
            if (output.contains(line)) {
                return;
            }
            for (String r : refused) {
                if (output.contains(r)) {
                    stop();
                    throw new IllegalStateException(name + " printed '" + r + "': stopped; its output: " + log + "\n" + tail());
                }
            }
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " ended (exit " + process.exitValue() + ") before printing '" + line
                        + "'; its output: " + log + "\n" + tail());
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(name + " did not print '" + line + "' within " + timeout.toSeconds()
                        + " s; its output: " + log + "\n" + tail());
            }
            Thread.sleep(100);
        }
    }

    boolean isAlive() {
        return process.isAlive();
    }

    String tail() {
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
        } catch (IOException e) {
            return "(no output: " + e.getMessage() + ")";
        }
    }

    void stop() {
        List<ProcessHandle> descendants = process.descendants().toList();
        process.destroy();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                System.err.println(name + " (pid " + process.pid() + ") did not end within 30 s of SIGTERM: killing it");
                process.destroyForcibly();
                process.waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
        descendants.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            stop();
        }
    }
}

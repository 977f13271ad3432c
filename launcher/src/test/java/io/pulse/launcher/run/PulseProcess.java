package io.pulse.launcher.run;

import io.pulse.testservers.Await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code ./pulse ...} as the script starts it, in a JVM of its own with this test's class path,
 * its output in a file: what a user sees, exit code included. Never left running: {@link #close()}
 * kills it.
 */
final class PulseProcess implements AutoCloseable {
    private static final Duration START = Duration.ofSeconds(180);

    private final Process process;
    private final Path log;

    private PulseProcess(Process process, Path log) {
        this.process = process;
        this.log = log;
    }

    /** Starts {@code pulse <args>} with these extra environment variables, output (both streams) to {@code log}. */
    static PulseProcess start(Path log, Map<String, String> environment, String... args) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        // The bounded memory ./pulse gives a run (config/jvm/run.options): enough for every command.
        command.add("@" + Path.of("").toAbsolutePath().getParent().resolve("config/jvm/run.options"));
        command.addAll(List.of("--add-opens=java.base/java.util=ALL-UNNAMED", "--add-opens=java.base/java.lang=ALL-UNNAMED",
                "--add-opens=java.base/java.nio=ALL-UNNAMED", "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED",
                "--add-opens=java.base/java.lang.reflect=ALL-UNNAMED", "--add-opens=java.base/java.io=ALL-UNNAMED",
                "--add-opens=java.base/java.net=ALL-UNNAMED", "--add-opens=java.base/java.time=ALL-UNNAMED",
                "--add-opens=java.base/java.util.concurrent=ALL-UNNAMED", "-Dpulse.command=./pulse"));
        // The launcher's own logging, as ./pulse has it (Flink's test jars here carry a log4j2-test file that would win).
        if (environment.containsKey("TMPDIR")) {
            command.add("-Djava.io.tmpdir=" + environment.get("TMPDIR")); // as ./pulse passes it
        }
        command.add("-Dlog4j2.configurationFile=" + PulseProcess.class.getClassLoader().getResource("log4j2.xml"));
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), "io.pulse.launcher.Pulse"));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().putAll(environment);
        return new PulseProcess(builder.start(), log);
    }

    /** Starts {@code pulse run <args>} and waits until every reader has subscribed. */
    static PulseProcess startReceiving(Path log, List<String> runArguments) throws IOException, InterruptedException {
        List<String> args = new ArrayList<>(List.of("run"));
        args.addAll(runArguments);
        PulseProcess run = start(log, Map.of(), args.toArray(String[]::new));
        run.awaitOutput("job subscribed, receiving");
        return run;
    }

    /** Waits until the output has {@code text}; fails with the output when the process ended first. */
    void awaitOutput(String text) throws InterruptedException {
        Await.until(START, () -> {
            if (output().contains(text)) {
                return true;
            }
            if (!process.isAlive()) {
                throw new AssertionError("pulse ended with " + process.exitValue() + " before '" + text + "':\n" + output());
            }
            return false;
        }, () -> "no '" + text + "' in:\n" + output());
    }

    /** Waits for the process to end (the caller has made sure it will) and returns its exit code. */
    int awaitExit() throws InterruptedException {
        Await.until(START, () -> !process.isAlive(), () -> "pulse still runs; its output:\n" + output());
        return process.exitValue();
    }

    /** Sends a signal by name (e.g. INT, what Ctrl-C sends), as a terminal would. */
    void signal(String name) throws IOException, InterruptedException {
        if (name.equals("INT") && ignoresSigint()) {
            // A process started with & by a shell without job control ignores SIGINT, and so does
            // everything it starts: the JVM then never runs a handler for it, as in a terminal it would.
            throw new IllegalStateException("the run ignores SIGINT, as it inherited from the tests' JVM: run the"
                    + " tests in the foreground, or from a shell with job control (set -m), not with & in a script");
        }
        int code = new ProcessBuilder("kill", "-" + name, Long.toString(process.pid())).inheritIO().start().waitFor();
        if (code != 0) {
            throw new IllegalStateException("kill -" + name + " " + process.pid() + " ended with " + code);
        }
    }

    private boolean ignoresSigint() throws IOException {
        return (Long.parseUnsignedLong(status("SigIgn"), 16) & (1L << 1)) != 0; // the bit of signal 2
    }

    /** VmHWM, the peak resident memory so far, from Linux's /proc. */
    long peakResidentMb() throws IOException {
        return Long.parseLong(status("VmHWM").replaceAll("[^0-9]", "")) / 1024;
    }

    /** A field of the process's /proc status, its value trimmed. */
    private String status(String field) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc", Long.toString(process.pid()), "status"))) {
            if (line.startsWith(field + ":")) {
                return line.substring(field.length() + 1).trim();
            }
        }
        throw new IllegalStateException("no " + field + " for process " + process.pid());
    }

    String output() {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            return e.toString();
        }
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            process.destroyForcibly().waitFor();
        }
    }
}

package io.pulse.firmware;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * A virtual ESP32 (firmware/host: the core with libmosquitto) run as a child process. Lines to
 * its stdin stand in for the radio, SNTP and sensors (host/script.h); it reports every event as
 * one line on stdout, which is kept (with the time it came) and copied to
 * target/firmware-logs/device-NAME.log.
 */
final class VirtualDevice implements AutoCloseable {

    record Line(long nanos, String text) {}

    private final String name;
    private final Process process;
    private final Writer stdin;
    private final List<Line> lines = new CopyOnWriteArrayList<>();
    private final Thread reader;

    private VirtualDevice(String name, Process process) {
        this.name = name;
        this.process = process;
        this.stdin = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
        Path log = FirmwareBuild.logDir().resolve("device-" + name + ".log");
        try {
            Files.deleteIfExists(log); // this run's lines only
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        this.reader = new Thread(() -> read(log), "virtual-device-" + name);
        reader.setDaemon(true);
        reader.start();
    }

    /** Starts pulse-virtual-device with these arguments (and secrets in env) and waits for "ready". */
    static VirtualDevice start(String name, List<String> args, Map<String, String> env) {
        List<String> command = new ArrayList<>();
        command.add(FirmwareBuild.hostProgram("pulse-virtual-device").toString());
        command.addAll(args);
        try {
            ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
            pb.environment().remove("PULSE_HMAC_KEY");
            pb.environment().remove("PULSE_MQTT_PASSWORD");
            pb.environment().putAll(env);
            VirtualDevice device = new VirtualDevice(name, pb.start());
            device.await(0, l -> l.startsWith("ready"), Duration.ofSeconds(10));
            return device;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void read(Path log) {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            Files.createDirectories(log.getParent());
            String line;
            while ((line = in.readLine()) != null) {
                lines.add(new Line(System.nanoTime(), line));
                Files.writeString(log, line + "\n", StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            }
        } catch (IOException e) {
            lines.add(new Line(System.nanoTime(), "(output lost: " + e + ")"));
        }
    }

    void send(String line) {
        try {
            stdin.write(line + "\n");
            stdin.flush();
        } catch (IOException e) {
            throw new AssertionError(name + " does not take input any more: " + e + "\n" + tail(), e);
        }
    }

    /** Where the next line will be: await(mark(), ...) sees only lines that come after now. */
    int mark() {
        return lines.size();
    }

    /** The first line from index `from` on that matches, waiting for it up to timeout. */
    String await(int from, Predicate<String> match, Duration timeout) {
        return lines.get(awaitIndex(from, match, timeout)).text();
    }

    /** The index of the first line from `from` on that matches, waiting for it up to timeout. */
    int awaitIndex(int from, Predicate<String> match, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        int i = from;
        while (true) {
            while (i < lines.size()) {
                if (match.test(lines.get(i).text())) {
                    return i;
                }
                i++;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError(name + ": no matching line within " + timeout.toMillis() + " ms; last lines:\n" + tail());
            }
            if (!process.isAlive() && i >= lines.size()) {
                throw new AssertionError(name + " exited with " + process.exitValue() + "; last lines:\n" + tail());
            }
            sleep(5);
        }
    }

    /** Sends a line and returns the first line that answers it. */
    String ask(String line, Predicate<String> answer, Duration timeout) {
        int mark = mark();
        send(line);
        return await(mark, answer, timeout);
    }

    List<Line> lines() {
        return List.copyOf(lines);
    }

    List<String> texts(Predicate<String> match) {
        return lines.stream().map(Line::text).filter(match).toList();
    }

    String tail() {
        List<Line> all = lines();
        StringBuilder sb = new StringBuilder();
        for (Line l : all.subList(Math.max(0, all.size() - 25), all.size())) {
            sb.append("  ").append(l.text()).append('\n');
        }
        return sb.toString();
    }

    @Override
    public void close() {
        try {
            if (process.isAlive()) {
                send("quit");
                process.waitFor(5, TimeUnit.SECONDS);
            }
        } catch (AssertionError | InterruptedException ignored) {
            // it is going away either way
        } finally {
            process.destroyForcibly();
        }
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    /** Arguments every test device gets: the broker, and quick reconnects. */
    static List<String> brokerArgs(String host, int port) {
        return List.of("--broker", host + ":" + port, "--keepalive", "5");
    }

    static Map<String, String> noSecrets() {
        return Map.of();
    }
}

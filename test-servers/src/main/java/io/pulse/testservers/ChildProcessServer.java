package io.pulse.testservers;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real server run as a child process on a free 127.0.0.1 port with a private temporary
 * directory (data, config, log), for integration tests.
 *
 * <p>Use it as a JUnit 5 extension on a STATIC field, which starts it before the class's first
 * test and stops it after the last one:
 *
 * <pre>{@code @RegisterExtension static final MosquittoServer MQTT = MosquittoServer.create();}</pre>
 *
 * or manually with try-with-resources ({@code start()} ... {@code close()}).
 *
 * <p>Lifecycle: {@link #start()} launches it and waits until it accepts TCP connections;
 * {@link #kill()} SIGKILLs it (a crash, for failure tests); {@link #restart()} stops it cleanly and
 * starts it again; after either, {@code start()}/{@code restart()} bring it back on the SAME port
 * with the SAME data, so clients can reconnect. {@link #stop()} ends it for good and deletes the
 * directory (a later {@code start()} begins a new, empty server). Before each test the extension
 * starts the server again if an earlier test of the class left it killed or stopped.
 */
public abstract class ChildProcessServer
        implements BeforeAllCallback, BeforeEachCallback, AfterAllCallback, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ChildProcessServer.class);

    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(30);
    private static final int LOG_TAIL_LINES = 40;
    /** Where copies of server logs go when a test JVM runs in a Maven module (cwd has target/). */
    private static final Path KEPT_LOGS = Path.of("target", "test-server-logs");

    private final String name;

    // volatile, not locked: the shutdown hook must reach them even if a test thread is stuck
    // inside a synchronized start().
    private volatile Process process;
    private volatile Path dir;
    private volatile int port;
    private boolean prepared;
    private String ownerContextId;

    protected ChildProcessServer(String name) {
        this.name = name;
    }

    // ---------------------------------------------------------------- for subclasses

    /** Checks binaries and builds the data directory; runs once per data directory. */
    protected abstract void prepare(Path dir, int port) throws Exception;

    /** The command line that runs the server in the foreground. */
    protected abstract List<String> command(Path dir, int port);

    /**
     * Called once the port accepts connections: wait for full readiness and, on the first start of
     * a data directory, create what tests expect (users, databases).
     */
    protected void afterStart(Path dir, int port, boolean firstStart) throws Exception {}

    /** Runs a helper command (installer, password tool) to completion, its output in the log. */
    protected final void run(List<String> command, Duration timeout) throws IOException, InterruptedException {
        Process helper = new ProcessBuilder(command)
                .directory(dir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile().toFile()))
                .start();
        if (!helper.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            helper.destroyForcibly().waitFor();
            throw failure("'" + String.join(" ", command) + "' did not finish within " + timeout.toSeconds() + " s");
        }
        if (helper.exitValue() != 0) {
            throw failure("'" + String.join(" ", command) + "' failed with exit code " + helper.exitValue());
        }
    }

    /** An exception whose message carries the end of the server log: the cause is almost always there. */
    protected final IllegalStateException failure(String what) {
        String message = name + " on 127.0.0.1:" + port + ": " + what;
        if (dir != null) {
            message += "\n--- last " + LOG_TAIL_LINES + " lines of " + logFile() + " ---\n"
                    + ServerFiles.tail(logFile(), LOG_TAIL_LINES);
        }
        return new IllegalStateException(message);
    }

    /** The server's stdout+stderr (and, where the server supports it, its own log). */
    protected final Path logFile() {
        return dir.resolve("server.log");
    }

    // ---------------------------------------------------------------- public API

    /** Starts the server (idempotent) and returns once its port accepts connections. */
    public final synchronized void start() {
        if (isRunning()) {
            return;
        }
        boolean firstStart = dir == null || !prepared;
        try {
            if (dir == null) {
                dir = Files.createTempDirectory("pulse-" + name + "-");
                port = FreePorts.find();
                ShutdownReaper.register(this);
            }
            if (!prepared) {
                prepare(dir, port);
                prepared = true;
            }
            long started = System.nanoTime();
            process = new ProcessBuilder(command(dir, port))
                    .directory(dir.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile().toFile()))
                    .start();
            awaitPort(started + START_TIMEOUT.toNanos());
            afterStart(dir, port, firstStart);
            LOG.info("{} running on 127.0.0.1:{} (pid {}, dir {}) after {} ms", name, port, process.pid(), dir,
                    TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
        } catch (Exception e) {
            killProcess();
            if (e instanceof IllegalStateException ise) {
                throw ise;
            }
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            throw new IllegalStateException(failure("start failed: " + e).getMessage(), e);
        }
    }

    /** Stops the server cleanly (SIGTERM, then SIGKILL after 30 s) and deletes its directory. */
    public final synchronized void stop() {
        terminateProcess();
        keepLogCopy();
        deleteDataDirQuietly();
        ShutdownReaper.unregister(this);
        process = null;
        dir = null;
        port = 0;
        prepared = false;
    }

    /** SIGKILL: no clean shutdown, data stays. For failure tests; bring it back with {@link #start()}. */
    public final synchronized void kill() {
        killProcess();
    }

    /** Clean stop that keeps port and data: an outage; {@link #start()} brings the server back. */
    public final synchronized void shutDown() {
        terminateProcess();
    }

    /** Clean stop and start again on the same port with the same data. */
    public final synchronized void restart() {
        terminateProcess();
        start();
    }

    public final boolean isRunning() {
        Process p = process;
        return p != null && p.isAlive();
    }

    /** 127.0.0.1: servers listen on loopback only. */
    public final String host() {
        return "127.0.0.1";
    }

    /** The port, fixed from the first start until {@link #stop()}. */
    public final int port() {
        if (port == 0) {
            throw new IllegalStateException(name + " has not been started");
        }
        return port;
    }

    /** The private directory (data, config, log); null when not started. */
    public final Path directory() {
        return dir;
    }

    @Override
    public final void close() {
        stop();
    }

    // ---------------------------------------------------------------- JUnit 5

    @Override
    public final void beforeAll(ExtensionContext context) {
        // @Nested classes call beforeAll again with the same static instance: only the outermost
        // class owns the server's lifetime.
        synchronized (this) {
            if (ownerContextId != null) {
                return;
            }
            ownerContextId = context.getUniqueId();
        }
        start();
    }

    @Override
    public final void beforeEach(ExtensionContext context) {
        // A test that killed or stopped the server and then failed must not break the next one.
        if (ownerContextId != null && !isRunning()) {
            start();
        }
    }

    @Override
    public final void afterAll(ExtensionContext context) {
        synchronized (this) {
            if (!context.getUniqueId().equals(ownerContextId)) {
                return;
            }
            ownerContextId = null;
        }
        stop();
    }

    @Override
    public String toString() {
        return name + (port == 0 ? " (not started)" : " on 127.0.0.1:" + port + (isRunning() ? "" : " (down)"));
    }

    // ---------------------------------------------------------------- internals

    private void awaitPort(long deadlineNanos) throws InterruptedException {
        while (true) {
            if (!process.isAlive()) {
                throw failure("exited with code " + process.exitValue() + " before accepting connections");
            }
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress(host(), port), 250);
                return;
            } catch (IOException notYet) {
                // not listening yet
            }
            if (System.nanoTime() > deadlineNanos) {
                throw failure("did not accept connections within " + START_TIMEOUT.toSeconds() + " s");
            }
            Thread.sleep(25);
        }
    }

    private void terminateProcess() {
        signalTerminate();
        killAfter(STOP_TIMEOUT.toNanos());
    }

    private void killProcess() {
        Process p = process;
        if (p != null) {
            p.destroyForcibly();
            waitQuietly(p, TimeUnit.SECONDS.toNanos(10));
        }
    }

    /** SIGTERM without waiting (also used by the shutdown hook). */
    final void signalTerminate() {
        Process p = process;
        if (p != null && p.isAlive()) {
            p.destroy();
        }
    }

    /** Waits for the process to end, SIGKILLing it when the time is up (also used by the hook). */
    final void killAfter(long nanos) {
        Process p = process;
        if (p != null && !waitQuietly(p, nanos)) {
            LOG.warn("{} on port {} ignored SIGTERM, sending SIGKILL", name, port);
            p.destroyForcibly();
            waitQuietly(p, TimeUnit.SECONDS.toNanos(10));
        }
    }

    final void deleteDataDirQuietly() {
        try {
            ServerFiles.deleteRecursively(dir);
        } catch (UncheckedIOException e) {
            LOG.warn("could not delete {}: {}", dir, e.getCause().toString());
        }
    }

    /** The directory goes away with stop(); keep its log next to the surefire reports for debugging. */
    private void keepLogCopy() {
        if (dir == null || !Files.exists(logFile()) || !Files.isDirectory(Path.of("target"))) {
            return;
        }
        try {
            Files.createDirectories(KEPT_LOGS);
            Files.copy(logFile(), KEPT_LOGS.resolve(name + "-" + port + "-" + System.currentTimeMillis() + ".log"),
                    StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            LOG.debug("could not keep log of {}: {}", name, e.toString());
        }
    }

    private static boolean waitQuietly(Process p, long nanos) {
        try {
            return p.waitFor(nanos, TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return !p.isAlive();
        }
    }
}

package io.pulse.launcher.demo;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.flink.api.connector.sink2.Sink;

/**
 * {@code ./pulse demo}: an embedded MQTT broker, simulated devices and a Flink job with its Web
 * UI, all in this JVM, until Ctrl-C. Each part is its own class; this one starts them in order,
 * says where each listens, and stops them in reverse order.
 */
public final class Demo implements AutoCloseable {

    /** What the demo starts with; the defaults are {@code ./pulse demo}'s. */
    public static final class Settings {
        int brokerPort = 1883;
        int webPort = 8081;
        Duration publishInterval = Duration.ofSeconds(1);
        Duration window = Duration.ofSeconds(5);
        Duration checkpointInterval = Duration.ofSeconds(5);
        Sink<DemoSummary> sink = new TerminalSummary();

        /** Port 0: any free port. A taken port is replaced by a free one as well. */
        public Settings brokerPort(int port) {
            this.brokerPort = port;
            return this;
        }

        public Settings webPort(int port) {
            this.webPort = port;
            return this;
        }

        public Settings window(Duration window) {
            this.window = Objects.requireNonNull(window);
            return this;
        }

        public Settings sink(Sink<DemoSummary> sink) {
            this.sink = Objects.requireNonNull(sink);
            return this;
        }
    }

    private final PrintStream out;
    private final Path root;
    private final AtomicBoolean closed = new AtomicBoolean();
    private EmbeddedBroker broker;
    private SimulatedDevices devices;
    private DemoCluster cluster;

    private Demo(PrintStream out, Path root) {
        this.out = out;
        this.root = root;
    }

    /** Starts every part, printing where each listens; on failure stops what had started. */
    public static Demo start(Settings settings, PrintStream out) throws Exception {
        Demo demo = new Demo(out, Files.createTempDirectory("pulse-demo-"));
        try {
            demo.startParts(settings);
        } catch (Exception | LinkageError e) {
            demo.close();
            throw e;
        }
        return demo;
    }

    private void startParts(Settings s) throws Exception {
        broker = EmbeddedBroker.start(root, s.brokerPort);
        String taken = s.brokerPort > 0 && broker.port() != s.brokerPort
                ? "; " + s.brokerPort + " is taken" : "";
        out.printf("  MQTT broker   %s  (HiveMQ CE, embedded%s)%n", broker.uri(), taken);

        devices = SimulatedDevices.start(Ports.LOOPBACK, broker.port(), s.publishInterval);
        out.printf("  devices       %d simulated devices publish devices/{deviceId}/telemetry every"
                + " %s, QoS 1%n                (%s overheats now and then)%n",
                devices.deviceIds().size(), seconds(s.publishInterval),
                SimulatedDevices.MISBEHAVING_DEVICE);

        cluster = DemoCluster.start(root, s.webPort, s.checkpointInterval, broker.uri(),
                s.window, s.sink);
        out.printf("  Flink Web UI  %s  (local cluster in this process)%n", cluster.webUrl());
        cluster.awaitRunning(Duration.ofSeconds(90));
        out.printf("  job           %s is running, checkpoint every %s; a summary follows every"
                + " %s%n", DemoCluster.JOB_NAME, seconds(s.checkpointInterval), seconds(s.window));
        out.printf("%nRaw messages: mosquitto_sub -h %s -p %d -t 'devices/#' -v%n", Ports.LOOPBACK,
                broker.port());
        out.flush();
    }

    private static String seconds(Duration d) {
        long ms = d.toMillis();
        return ms == 1000 ? "second" : ms % 1000 == 0 ? ms / 1000 + " s" : ms + " ms";
    }

    public String brokerUri() {
        return broker.uri();
    }

    public int webPort() {
        return cluster.webPort();
    }

    public Path root() {
        return root;
    }

    public SimulatedDevices devices() {
        return devices;
    }

    /** Completes when the demo job ends (normally only after {@link #close()}). */
    public CompletableFuture<?> jobEnded() {
        return cluster.job().getJobExecutionResult();
    }

    /** Stops the job, the devices and the broker, in that order, and removes the temp files. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        step("Flink job", "cancelled, local cluster stopped", cluster);
        step("simulated devices", "stopped", devices);
        step("MQTT broker", "stopped", broker);
        try {
            TempDirs.deleteRecursively(root);
            out.println("  temporary files removed (" + root + ")");
        } catch (Exception e) {
            out.println("  could not remove " + root + ": " + e);
        }
        out.flush();
    }

    private void step(String part, String done, AutoCloseable closeable) {
        if (closeable == null) {
            return;
        }
        try {
            closeable.close();
            out.println("  " + part + " " + done);
        } catch (Exception e) {
            out.println("  " + part + " did not stop cleanly: " + rootMessage(e));
        }
        out.flush();
    }

    /** The message of the innermost cause, which is the one that says what went wrong. */
    static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        if (t instanceof ClassNotFoundException || t instanceof LinkageError) {
            return "class missing from the class path: " + t.getMessage();
        }
        return t.getMessage() != null ? t.getMessage() : t.getClass().getSimpleName();
    }

    /**
     * Runs the demo until Ctrl-C or SIGTERM, then stops everything cleanly.
     *
     * @return 0 after a requested stop, 1 when the demo failed
     */
    public static int runUntilStopped(PrintStream out, PrintStream err) {
        StopSignal stop = StopSignal.install(err);
        out.println("Pulse demo: starting (Ctrl-C stops everything)");
        out.flush();
        Demo demo;
        try {
            demo = start(new Settings(), out);
        } catch (Exception | LinkageError e) {
            err.println("pulse: the demo could not start: " + rootMessage(e));
            return 1;
        }
        Thread hook = new Thread(demo::close, "pulse-demo-shutdown");
        Runtime.getRuntime().addShutdownHook(hook); // for an exit that is not a signal we handle
        out.println("Ctrl-C stops the demo.");
        out.println();
        out.flush();

        int code = 0;
        try {
            CompletableFuture.anyOf(stop.requested(), demo.jobEnded()).get();
        } catch (Exception jobFailed) {
            // handled below
        }
        if (stop.requested().isDone()) {
            out.println();
            out.println("Stopping the demo (" + stop.requested().join() + ")...");
        } else {
            String why = "ended";
            try {
                demo.jobEnded().get();
            } catch (Exception e) {
                why = "failed: " + rootMessage(e);
            }
            err.println("pulse: the demo job " + why);
            out.println("Stopping the demo...");
            code = 1;
        }
        out.flush();
        demo.close();
        out.println("Pulse demo stopped.");
        out.flush();
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // the JVM is exiting already
        }
        return code;
    }
}

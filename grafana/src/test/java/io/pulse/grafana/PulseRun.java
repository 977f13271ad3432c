package io.pulse.grafana;

import io.pulse.jobs.energy.EnergyJob;
import io.pulse.jobs.movement.MovementJob;
import io.pulse.jobs.movement.roster.RosterImport;
import io.pulse.jobs.options.JobOptions;
import io.pulse.jobs.storage.JdbcSettings;
import io.pulse.jobs.storage.ReadOnlyUser;
import io.pulse.jobs.storage.SchemaMigrator;
import io.pulse.jobs.telemetry.TelemetryJob;
import io.pulse.testservers.MariaDbServer;
import io.pulse.testservers.MosquittoServer;

import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt5.Mqtt5BlockingClient;
import com.hivemq.client.mqtt.mqtt5.Mqtt5Client;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.util.TestStreamEnvironment;
import org.apache.flink.test.util.MiniClusterWithClientResource;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.RestOptions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;

/**
 * One real run of the three jobs over the scripted data ({@link ScriptedGates},
 * {@link ScriptedDevices}, {@link ScriptedMeters}) on a Flink MiniCluster, with a real Mosquitto
 * in, and a real MariaDB and InfluxDB 1.x (behind {@link V2WriteShim}) out: the data every
 * dashboard test queries. Started once per test JVM by {@link PulseData}; when it returns, every
 * job has written everything the script implies and has been cancelled, so the stores no longer
 * change. The campus dashboards are opened on the script's Saturday noon ({@link ScriptedClock#NOW}),
 * pipeline health when the jobs stopped ({@link #finishedAt()}).
 */
public final class PulseRun implements DashboardStores, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(PulseRun.class);
    public static final String READONLY_USER = "pulse_readonly";
    /** A per-run password: the read-only user's, as PULSE_DB_READONLY_PASSWORD would give it. */
    private static final String READONLY_PASSWORD = "ro-" + Long.toHexString(System.nanoTime());

    private static final String MQTT_USER = "grafana-it";
    /**
     * A broker only this run can use: a client of another process that reconnects to a port it
     * once knew (a demo's simulated devices) must not feed the scripted data.
     */
    private final MosquittoServer mqtt = MosquittoServer.create().withUser(MQTT_USER, "mqtt-" + Long.toHexString(System.nanoTime()));
    private final MariaDbServer db = MariaDbServer.create();
    private final InfluxV1Server influx = InfluxV1Server.create();
    private V2WriteShim shim;
    /** The jobs' MQTT spool: private, so nothing spooled by another run is replayed into this one. */
    private Path spool;
    private MiniClusterWithClientResource flink;
    private JdbcSettings jdbc;
    private Instant finishedAt;
    private JobOutputs outputs;

    private PulseRun() {}

    public static PulseRun start() throws Exception {
        PulseRun run = new PulseRun();
        try {
            run.fill();
            return run;
        } catch (Exception | AssertionError e) {
            run.close();
            throw e;
        }
    }

    /** SQL as Grafana runs it: the read-only user, UTC session. */
    @Override
    public ReadOnlySql sql() {
        return new ReadOnlySql(db.jdbcUrl(), READONLY_USER, READONLY_PASSWORD);
    }

    @Override
    public InfluxResult influxQl(String query) {
        return influx.query(query);
    }

    @Override
    public Instant now(Dashboards.Dashboard dashboard) {
        return "pulse-pipeline".equals(dashboard.uid()) ? finishedAt : ScriptedClock.NOW;
    }

    /** When the jobs were stopped: the "now" at which the pipeline dashboard is looked at. */
    public Instant finishedAt() {
        return finishedAt;
    }

    private void fill() throws Exception {
        mqtt.start();
        db.start();
        influx.start();
        shim = V2WriteShim.start(influx.url());
        spool = Files.createTempDirectory("pulse-grafana-spool-");
        jdbc = JdbcSettings.of(db.jdbcUrl(), db.user(), db.password());
        outputs = new JobOutputs(jdbc, influx);
        SchemaMigrator.migrate(jdbc);
        ReadOnlyUser.ensure(JdbcSettings.of(db.jdbcUrl(), "root", ""), READONLY_USER, READONLY_PASSWORD);
        importRoster();
        registerDevices();

        Configuration cluster = new Configuration();
        cluster.set(RestOptions.BIND_ADDRESS, "127.0.0.1");
        cluster.set(RestOptions.ADDRESS, "127.0.0.1");
        flink = new MiniClusterWithClientResource(new MiniClusterResourceConfiguration.Builder()
                .setConfiguration(cluster).setNumberTaskManagers(1).setNumberSlotsPerTaskManager(3).build());
        flink.before();
        List<JobClient> jobs = new ArrayList<>();
        jobs.add(submit("telemetry", TelemetryJob::build));
        jobs.add(submit("movement", MovementJob::build));
        jobs.add(submit("energy", EnergyJob::build));

        Mqtt5BlockingClient client = Mqtt5Client.builder().identifier("grafana-it").serverHost(mqtt.host())
                .serverPort(mqtt.port()).simpleAuth().username(mqtt.username())
                .password(mqtt.password().getBytes(StandardCharsets.UTF_8)).applySimpleAuth().buildBlocking();
        client.connect();
        try {
            // Until a job's source has subscribed, messages may be lost: repeat a bad one until it is stored.
            awaitSubscribed(client, "devices/probe/telemetry", "{\"deviceId\":\"probe\",\"ts\":1,\"temperature\":\"hot\"}");
            awaitSubscribed(client, "campus/gates/main/sightings",
                    "{\"scanner\":\"main-in\",\"role\":\"sideways\",\"ts\":1,\"mac\":\"A4:5E:60:12:34:56\"}");
            awaitSubscribed(client, "energy/meters/probe/readings", "{\"meterId\":\"probe\",\"ts\":1,\"power\":\"a lot\"}");
            publishAll(client, ScriptedDevices.messages());
            publishAll(client, ScriptedGates.messages());
            publishAll(client, ScriptedMeters.messages());
            outputs.awaitScriptProcessed();
            // Late only once the watermark has passed them: sent after the rest is processed.
            publishAll(client, List.of(ScriptedDevices.lateReading(), ScriptedGates.lateSighting(), ScriptedMeters.lateReading()));
            outputs.await("each job refuses its late reading",
                    () -> outputs.count("SELECT COUNT(DISTINCT job) FROM rejected_messages WHERE reason LIKE 'late%'") == 3);
            Thread.sleep(1_000); // a last checkpoint acknowledges the last messages
        } finally {
            client.disconnect();
            for (JobClient job : jobs) {
                job.cancel().get(30, TimeUnit.SECONDS);
            }
            // The dashboards look at the moment the jobs stopped.
            finishedAt = Instant.now();
            flink.after();
            flink = null;
        }
        LOG.info("pipeline run done");
    }

    private JobClient submit(String name, BiConsumer<StreamExecutionEnvironment, JobOptions> build) throws Exception {
        List<String> args = new ArrayList<>(List.of("--mqtt.broker", mqtt.uri(), "--mqtt.username", mqtt.username(),
                "--mqtt.password", mqtt.password(), "--mqtt.spool-dir", spool.toString(), "--jdbc.url", db.jdbcUrl(),
                "--jdbc.user", db.user(), "--jdbc.password", db.password(), "--jdbc.batch-interval", "100",
                "--influx.url", shim.url(), "--influx.org", "campus", "--influx.bucket", InfluxV1Server.DATABASE));
        if (name.equals("movement")) {
            args.addAll(List.of("--movement.hmac-key", ScriptedGates.HMAC_KEY, "--movement.quiet-hours", ScriptedGates.QUIET_HOURS));
        }
        StreamExecutionEnvironment env = new TestStreamEnvironment(flink.getMiniCluster(), 1);
        env.enableCheckpointing(500);
        build.accept(env, JobOptions.parse(args.toArray(String[]::new)));
        return env.executeAsync("grafana-it-" + name);
    }

    private void importRoster() throws Exception {
        Path csv = Files.createTempFile("pulse-roster-", ".csv");
        try {
            Files.writeString(csv, ScriptedGates.rosterCsv());
            RosterImport.Report report = new RosterImport(ScriptedGates.HMAC_KEY, jdbc).importFile(csv);
            if (!report.rejected().isEmpty()) {
                throw new IllegalStateException("roster refused: " + report.rejected());
            }
        } finally {
            Files.deleteIfExists(csv);
        }
    }

    private void registerDevices() throws Exception {
        try (Connection c = DriverManager.getConnection(jdbc.url(), jdbc.user(), jdbc.password());
             PreparedStatement insert = c.prepareStatement(
                     "INSERT INTO devices (device_id, name, location, kind, expected_interval_ms) VALUES (?, ?, ?, ?, ?)")) {
            for (ScriptedDevices.Device d : ScriptedDevices.DEVICES) {
                insert.setString(1, d.id());
                insert.setString(2, d.name());
                insert.setString(3, d.location());
                insert.setString(4, d.kind());
                insert.setObject(5, d.expectedIntervalMs());
                insert.executeUpdate();
            }
        }
    }

    private void awaitSubscribed(Mqtt5BlockingClient client, String topic, String badPayload) throws Exception {
        String like = topic.substring(0, topic.indexOf('/'));
        outputs.await("the source of " + topic + " subscribes", () -> {
            publish(client, new Publish(topic, badPayload));
            return outputs.count("SELECT COUNT(*) FROM rejected_messages WHERE topic LIKE '" + like + "/%'") > 0;
        });
    }

    private static void deleteQuietly(Path dir) {
        if (dir == null) {
            return;
        }
        try (var files = Files.walk(dir)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        } catch (java.io.IOException e) {
            LOG.warn("could not delete {}: {}", dir, e.toString());
        }
    }

    private static void publishAll(Mqtt5BlockingClient client, List<Publish> messages) {
        messages.forEach(m -> publish(client, m));
    }

    private static void publish(Mqtt5BlockingClient client, Publish m) {
        client.publishWith().topic(m.topic()).qos(MqttQos.AT_LEAST_ONCE).payload(m.payload().getBytes(StandardCharsets.UTF_8)).send();
    }

    @Override
    public void close() {
        if (flink != null) {
            flink.after();
        }
        if (shim != null) {
            shim.close();
        }
        influx.stop();
        db.stop();
        mqtt.stop();
        deleteQuietly(spool);
    }
}

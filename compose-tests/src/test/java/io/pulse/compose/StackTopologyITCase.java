package io.pulse.compose;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.hivemq.client.mqtt.MqttClientSslConfig;
import com.hivemq.client.mqtt.mqtt5.message.publish.puback.Mqtt5PubAckReasonCode;
import io.pulse.grafana.DashboardStores;
import io.pulse.grafana.Dashboards.Dashboard;
import io.pulse.grafana.EveryPanelQuery;
import io.pulse.grafana.InfluxResult;
import io.pulse.grafana.InfluxV1Server;
import io.pulse.grafana.ReadOnlySql;
import io.pulse.grafana.V2WriteShim;
import io.pulse.testservers.Await;
import io.pulse.testservers.ExportedSeries;
import io.pulse.testservers.MariaDbServer;
import io.pulse.testservers.RequiredBinary;
import io.pulse.testservers.VictoriaMetricsServer;
import io.pulse.testservers.flink.FlinkRestClient;
import io.pulse.testservers.flink.FlinkSessionCluster;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyStore;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The compose stack's topology for real, without Docker: its servers started from the test kit
 * with the compose's own files and a test .env (.env.example with every change-me-... replaced by
 * a fresh secret), then what its one-shot services run, as they run it.
 *
 * <ul>
 *   <li>mosquitto-accounts + mosquitto: {@link ComposeBroker} (make-accounts.sh itself, then
 *       pulse-broker.conf including config/mosquitto/, TLS switched on with make-certs.sh);</li>
 *   <li>mysql: a MariaDB fed the SQL of deploy/mysql/pulse-users-sql.sh (what the image's init
 *       script pipes into MySQL): database, the jobs' account, Grafana's read-only account;</li>
 *   <li>influxdb: no InfluxDB 2 can run here. The jobs' v2 writes go to VictoriaMetrics, a real
 *       server of the v2 write API, and, once it accepted them, to an InfluxDB 1.x through the
 *       grafana module's {@link V2WriteShim}: the InfluxQL engine the dashboards' InfluxDB data
 *       source (InfluxQL on database = bucket) queries;</li>
 *   <li>jobmanager + taskmanager: the standalone session cluster of the test kit;</li>
 *   <li>submit: deploy/flink/submit-jobs.sh itself, with the submit service's environment pointed
 *       at these servers and FLINK_CMD at a wrapper around Flink's CLI (what bin/flink runs);</li>
 *   <li>meter-simulator + modbus-bridge: the bridge's jar with the compose's command line and
 *       deploy/modbus-bridge/bridge.yaml (broker, Modbus port and queue folder mapped);</li>
 *   <li>simulator: deploy/simulator/simulate.sh with the device and gate accounts. Back-dated
 *       readings of one more meter, published with the bridge's account, close 5-minute windows
 *       without waiting for the clock.</li>
 *   <li>grafana: every panel query, annotation and template variable of the dashboards its
 *       provisioning loads, expanded as Grafana does (the grafana module's emulation) and run on
 *       these stores with the data sources as the compose's Grafana gets them.</li>
 * </ul>
 * What the ACL refuses is {@link BrokerAclITCase}'s, on the same broker configuration.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class StackTopologyITCase {

    /** A test .env: .env.example with a new secret for every change-me-... */
    static final Map<String, String> ENV = testEnv();

    @RegisterExtension
    @Order(1)
    static final ComposeBroker BROKER = new ComposeBroker(ENV).withTls();

    @RegisterExtension
    @Order(2)
    static final MariaDbServer DB = MariaDbServer.create();

    @RegisterExtension
    @Order(3)
    static final VictoriaMetricsServer TSDB = VictoriaMetricsServer.create();

    /** The InfluxQL side of "influxdb": its database is the bucket, as InfluxDB 2's DBRP mapping makes it. */
    @RegisterExtension
    @Order(4)
    static final InfluxV1Server INFLUXQL = InfluxV1Server.create(ENV.get("INFLUX_BUCKET"));

    @RegisterExtension
    @Order(5)
    static final FlinkSessionCluster FLINK = FlinkSessionCluster.create();

    private static final Duration WAIT = Duration.ofMinutes(6);
    private static final Duration SCRIPT = Duration.ofMinutes(15);
    private static final List<String> DEVICES = List.of("lab-a-01", "library-02", "hostel-b-03", "workshop-04", "canteen-05");
    /** Back-dated readings, published with the bridge's account: a meter that bridge.yaml does not poll. */
    private static final String METER = "hall-c-spare";
    /** The meters of deploy/modbus-bridge/bridge.yaml, read from the meter simulator. */
    private static final List<String> BRIDGE_METERS = List.of("main-incomer", "lab-2-freezer", "hall-b-lighting");
    private static final List<Process> PROCESSES = new java.util.concurrent.CopyOnWriteArrayList<>();
    private static final Pattern CONNECTED = Pattern.compile("New client connected from \\S+ as (\\S+) \\([^)]*u'([^']*)'\\)");

    private static boolean stackRan;
    /** The jobs' --influx.url: VictoriaMetrics, then InfluxDB 1.x. */
    private static V2WriteShim influxWrites;
    /** When the simulated devices and gates last published (the wall clock after their last message). */
    private static volatile Instant devicesLastPublished;

    static Map<String, String> testEnv() {
        String run = UUID.randomUUID().toString().substring(0, 8);
        Map<String, String> env = new LinkedHashMap<>();
        EnvExample.load().forEach((k, v) -> env.put(k, v.replaceAll("change-me-([A-Za-z0-9_-]*?)(?=:| |$)", "$1-" + run)));
        return env;
    }

    private static String jdbcUrl() {
        return "jdbc:mysql://127.0.0.1:" + DB.port() + "/" + ENV.get("PULSE_DB_NAME")
                + "?sslMode=DISABLED&connectionTimeZone=UTC&forceConnectionTimeZoneToSession=true";
    }

    /** Rows as "a|b|c", as the jobs' account. */
    private static List<String> rows(String sql) {
        return rows(ENV.get("PULSE_DB_USER"), ENV.get("PULSE_DB_PASSWORD"), sql);
    }

    private static List<String> rows(String user, String password, String sql) {
        try (Connection c = DriverManager.getConnection(jdbcUrl(), user, password); Statement s = c.createStatement();
             ResultSet r = s.executeQuery(sql)) {
            List<String> rows = new ArrayList<>();
            ResultSetMetaData meta = r.getMetaData();
            while (r.next()) {
                List<String> cells = new ArrayList<>();
                for (int i = 1; i <= meta.getColumnCount(); i++) {
                    cells.add(String.valueOf(r.getString(i)));
                }
                rows.add(String.join("|", cells));
            }
            return rows;
        } catch (SQLException notYet) {
            return List.of();
        }
    }

    private static String devicePassword(String account) {
        for (String pair : (ENV.get("MQTT_DEVICE_ACCOUNTS") + " " + ENV.get("MQTT_GATE_ACCOUNTS")).split(" ")) {
            if (pair.startsWith(account + ":")) {
                return pair.substring(account.length() + 1);
            }
        }
        throw new IllegalArgumentException(account);
    }

    private static Path jobsJar() {
        Path jar = Path.of(System.getProperty("pulse.jobs.jar", "../jobs/target/pulse-jobs.jar")).toAbsolutePath();
        assertThat(jar).as("the jobs' fat jar, built by the reactor (-am)").isRegularFile();
        return jar;
    }

    /** A "flink" command for the submit script: Flink's CLI with the test cluster's conf folder. */
    private static Path flinkWrapper() throws Exception {
        Path bin = Files.createDirectories(FLINK.newFolder("bin-"));
        StringBuilder sh = new StringBuilder("#!/bin/sh\n# bin/flink of the test's session cluster\n")
                .append("FLINK_CONF_DIR=").append(quote(FLINK.confDir().toString())).append("\nexport FLINK_CONF_DIR\nexec");
        for (String part : FLINK.cliCommand()) {
            sh.append(' ').append(quote(part));
        }
        sh.append(" \"$@\"\n");
        Path flink = bin.resolve("flink");
        Files.writeString(flink, sh);
        Files.setPosixFilePermissions(flink, PosixFilePermissions.fromString("rwxr-xr-x"));
        return flink;
    }

    private static String quote(String s) {
        return "'" + s.replace("'", "'\\''") + "'";
    }

    /** The submit service's environment (docker-compose.yml), pointed at this test's servers. */
    private static Map<String, String> submitEnv(Path flink, Path flinkData) {
        String rest = FLINK.rest().toString().replaceFirst("^https?://", "").replaceFirst("/.*$", "");
        Map<String, String> env = new HashMap<>();
        env.put("PULSE_JOBMANAGER", rest);
        env.put("MQTT_HOST", "127.0.0.1");
        env.put("MQTT_PORT", String.valueOf(BROKER.port()));
        env.put("MQTT_JOBS_PASSWORD", ENV.get("MQTT_JOBS_PASSWORD"));
        env.put("PULSE_DB_HOST_NAME", "127.0.0.1");
        env.put("PULSE_DB_PORT", String.valueOf(DB.port()));
        env.put("PULSE_DB_NAME", ENV.get("PULSE_DB_NAME"));
        env.put("PULSE_DB_USER", ENV.get("PULSE_DB_USER"));
        env.put("PULSE_DB_PASSWORD", ENV.get("PULSE_DB_PASSWORD"));
        env.put("PULSE_INFLUX_URL", influxWrites.url());
        env.put("PULSE_INFLUX_WRITE_TOKEN", ENV.get("INFLUX_ADMIN_TOKEN"));
        env.put("PULSE_INFLUX_ORG", ENV.get("INFLUX_ORG"));
        env.put("PULSE_INFLUX_BUCKET", ENV.get("INFLUX_BUCKET"));
        // .env's 10 s would do; 2 s only makes the sinks' rows arrive sooner on a loaded machine
        env.put("PULSE_CHECKPOINT_INTERVAL_MS", "2000");
        env.put("PULSE_MOVEMENT_HMAC_KEY", ENV.get("PULSE_MOVEMENT_HMAC_KEY"));
        // the container paths of the submit service: the flink CLI, the mounted jar, the volume
        env.put("FLINK_CMD", flink.toString());
        env.put("PULSE_JOBS_JAR", jobsJar().toString());
        env.put("PULSE_FLINK_DATA", flinkData.toString());
        return env;
    }

    @Test
    @Order(1)
    void theMysqlInitSqlCreatesTheDatabaseAndTheStacksTwoAccounts() throws Exception {
        String sql = Shell.ok(List.of("sh", Repo.file("deploy/mysql/pulse-users-sql.sh").toString()), ENV, Repo.ROOT);
        try (Connection c = DriverManager.getConnection(DB.rootJdbcUrl()); Statement s = c.createStatement()) {
            // the kit's own database and account make way: the stack's SQL creates them from .env
            s.execute("DROP DATABASE IF EXISTS `" + ENV.get("PULSE_DB_NAME") + "`");
            for (String statement : sql.split(";\\s*\n")) {
                if (!statement.isBlank()) {
                    s.execute(statement);
                }
            }
        }
        assertThat(rows("SELECT DEFAULT_COLLATION_NAME FROM information_schema.SCHEMATA WHERE SCHEMA_NAME = DATABASE()"))
                .containsExactly("utf8mb4_bin");
        assertThat(rows(ENV.get("PULSE_DB_READONLY_USER"), ENV.get("PULSE_DB_READONLY_PASSWORD"), "SELECT 1")).containsExactly("1");
    }

    @Test
    @Order(2)
    void theSubmitScriptStartsTheJobsTheSimulatorsDataReachesEveryStoreThroughTheJobsAccount() throws Exception {
        Path flink = flinkWrapper();
        Path flinkData = FLINK.newFolder("flink-data-");
        influxWrites = V2WriteShim.teeing(INFLUXQL.url(), TSDB.url());
        Map<String, String> submitEnv = submitEnv(flink, flinkData);

        Shell.Result submit = Shell.run(List.of("bash", Repo.file("deploy/flink/submit-jobs.sh").toString()), submitEnv, Repo.ROOT, SCRIPT);
        String said = submit.stdout() + submit.stderr();
        assertThat(submit.exitCode()).as(said).isZero();
        assertThat(said).contains("submit: pulse-telemetry submitted", "submit: pulse-movement submitted",
                "submit: pulse-energy submitted", "submit: all jobs run: 3 Pulse jobs on the cluster");
        Map<String, String> jobs = FLINK.rest().jobs().stream()
                .collect(Collectors.toMap(FlinkRestClient.Job::name, FlinkRestClient.Job::state, (a, b) -> a + "," + b));
        assertThat(jobs).as("the cluster's jobs").containsOnlyKeys("pulse-telemetry", "pulse-movement", "pulse-energy");
        Await.until(WAIT, () -> FLINK.rest().jobs().stream().allMatch(j -> FLINK.rest().allTasksRunning(j.id())),
                () -> "not all tasks run: " + FLINK.rest().jobs() + "\n" + FLINK.logTails());
        assertThat(Files.isDirectory(flinkData.resolve("spool/telemetry"))).as("the spool on the shared volume").isTrue();

        // the jobs' sessions are on the broker, as pulse-jobs, before any device publishes
        Await.until(WAIT, () -> {
            String log = brokerLog();
            return log.contains("devices/+/telemetry") && log.contains("campus/gates/+/sightings")
                    && log.contains("energy/meters/+/readings") && log.contains("pulse/config/rules");
        }, () -> "the jobs did not subscribe:\n" + tail(BROKER.log()));

        try (MqttProbe operator = MqttProbe.connect(BROKER.port(), "pulse-operator", ENV.get("MQTT_OPERATOR_PASSWORD"));
             MqttProbe bridge = MqttProbe.connect(BROKER.port(), "pulse-bridge", ENV.get("MQTT_BRIDGE_PASSWORD"))) {
            operator.subscribe("alerts/#");

            // The bridge's readings of one meter: 2400 W, every 10 s, over two 5-minute windows
            // half an hour ago, so that the first window closes without waiting for the clock.
            Instant base = Instant.now().minus(30, ChronoUnit.MINUTES);
            base = Instant.ofEpochSecond(base.getEpochSecond() - base.getEpochSecond() % 300);
            for (int i = 0; i <= 66; i++) {
                long ts = base.plusSeconds(10L * i).toEpochMilli();
                assertThat(bridge.publish("energy/meters/" + METER + "/readings", "{\"meterId\":\"" + METER + "\",\"ts\":" + ts
                        + ",\"power\":2400,\"voltage\":230.0,\"current\":10.4,\"frequency\":50.0}", false))
                        .isEqualTo(Mqtt5PubAckReasonCode.SUCCESS);
            }

            // The meter-simulator and modbus-bridge services: the bridge's jar with bridge.yaml
            // (container paths and host names mapped), its password from the environment
            startBridge();

            // The simulator service: 40 rounds (workshop-04 overheats in rounds 30-39), one a second
            Map<String, String> simEnv = new HashMap<>(ENV);
            simEnv.put("MQTT_HOST", "127.0.0.1");
            simEnv.put("MQTT_PORT", String.valueOf(BROKER.port()));
            simEnv.put("SIM_ROUNDS", "40");
            simEnv.put("SIM_INTERVAL", "1");
            simEnv.put("PATH", RequiredBinary.find("mosquitto_pub", "mosquitto-clients").getParent() + ":" + System.getenv("PATH"));
            Shell.Result sim = Shell.run(List.of("sh", Repo.file("deploy/simulator/simulate.sh").toString()), simEnv, Repo.ROOT, SCRIPT);
            assertThat(sim.exitCode()).as(sim.stderr()).isZero();
            assertThat(sim.stderr()).as("every device and gate published with its own account").doesNotContain("could not publish");

            // What a fleet sends sooner or later, with the device's own account: a sensor fault
            // (humidity 140 %) and a reading kept through an outage, sent ten minutes late
            try (MqttProbe device = MqttProbe.connect(BROKER.port(), "library-02", devicePassword("library-02"))) {
                long ts = System.currentTimeMillis();
                assertThat(device.publish("devices/library-02/telemetry", "{\"deviceId\":\"library-02\",\"ts\":" + ts
                        + ",\"temperature\":23.1,\"humidity\":140.0}", false)).isEqualTo(Mqtt5PubAckReasonCode.SUCCESS);
                assertThat(device.publish("devices/library-02/telemetry", "{\"deviceId\":\"library-02\",\"ts\":" + (ts - 600_000)
                        + ",\"temperature\":23.4,\"humidity\":44.0}", false)).isEqualTo(Mqtt5PubAckReasonCode.SUCCESS);
            }
            devicesLastPublished = Instant.now();

            // MySQL, as the jobs wrote it
            Await.until(WAIT, () -> rows("SELECT device_id FROM device_status ORDER BY device_id").equals(sorted(DEVICES)),
                    () -> "device_status " + rows("SELECT * FROM device_status") + "\n" + FLINK.logTails());
            Await.until(WAIT, () -> rows("SELECT device_id FROM alerts WHERE type = 'OVERHEAT'").contains("workshop-04"),
                    () -> "alerts " + rows("SELECT device_id, type, opened_at FROM alerts"));
            // The movement job pairs in event time, 30 s behind the newest sighting: a visit's exit
            // (12 rounds after its entry) is final only once later sightings came. Forty quick
            // rounds may end before that, so the simulator service goes on publishing, as it does
            // in the stack, while the test waits
            awaitWhileSimulating(simEnv, () -> !rows("SELECT person_id FROM visits WHERE exited_at IS NOT NULL").isEmpty(),
                    () -> "visits " + rows("SELECT person_id, entered_at, exited_at, entry_gate, exit_gate FROM visits"));
            assertThat(rows("SELECT person_id FROM visits")).allMatch(id -> id.matches("[0-9a-f]{64}"));
            awaitWhileSimulating(simEnv, () -> rows("SELECT DISTINCT gate FROM occupancy ORDER BY gate").equals(List.of("*", "east", "main")),
                    () -> "occupancy " + rows("SELECT gate, at, inside FROM occupancy"));
            // An hour's counts are written once event time passes the next minute boundary
            awaitWhileSimulating(simEnv, () -> !rows("SELECT gate FROM gate_traffic_hourly").isEmpty(),
                    () -> "gate_traffic_hourly " + rows("SELECT * FROM gate_traffic_hourly"));
            String window = "SELECT CAST(ROUND(energy_wh * 1000) AS SIGNED), CAST(ROUND(coverage * 1000) AS SIGNED), samples FROM energy_5min WHERE meter_id = '" + METER
                    + "' AND window_start = '" + base.toString().replace("T", " ").replace("Z", "") + "'";
            Await.until(WAIT, () -> rows(window).equals(List.of("200000|1000|30")),
                    () -> "energy_5min " + rows("SELECT * FROM energy_5min") + "\nrejected " + rows("SELECT * FROM rejected_messages"));
            // the simulated campus is clean input: only the device's two faulty readings are refused
            Await.until(WAIT, () -> rows("SELECT topic FROM rejected_messages").size() >= 2,
                    () -> "rejected_messages " + rows("SELECT topic, reason FROM rejected_messages"));
            List<String> refused = rows("SELECT topic, reason FROM rejected_messages ORDER BY reason");
            assertThat(refused).as("refused").hasSize(2).allMatch(r -> r.startsWith("devices/library-02/telemetry|"));
            assertThat(refused).anyMatch(r -> r.contains("humidity") && r.contains("140")).anyMatch(r -> r.contains("|late"));

            // MQTT: the telemetry job published the alert on a topic only pulse-jobs may write
            List<String> alerts = new ArrayList<>();
            Await.until(WAIT, () -> {
                drain(operator, alerts, 1000);
                return alerts.stream().anyMatch(a -> a.startsWith("alerts/workshop-04 ") && a.contains("OVERHEAT"));
            }, () -> "alerts received by the operator: " + alerts);
        }

        // InfluxDB's part (the v2 write API of VictoriaMetrics: measurement_field series)
        Duration tsdb = WAIT;
        List<ExportedSeries> temperature = TSDB.awaitExport("telemetry_temperature",
                s -> s.stream().map(x -> x.labels().get("device")).collect(Collectors.toSet()).containsAll(DEVICES), tsdb);
        assertThat(temperature).hasSize(DEVICES.size());
        assertThat(TSDB.awaitExport("meter_power_w{meter=\"" + METER + "\"}", s -> !s.isEmpty() && s.get(0).size() >= 67, tsdb)
                .get(0).values()).containsOnly(2400.0);
        List<ExportedSeries> bridged = TSDB.awaitExport("meter_power_w",
                x -> x.stream().map(m -> m.labels().get("meter")).collect(Collectors.toSet()).containsAll(BRIDGE_METERS), tsdb);
        assertThat(bridged.stream().filter(m -> BRIDGE_METERS.contains(m.labels().get("meter"))))
                .as("the bridge's live readings of the simulated meters, through the energy job").allMatch(m -> m.size() >= 1);
        assertThat(TSDB.awaitExport("occupancy_inside", s -> !s.isEmpty(), tsdb)).isNotEmpty();
        assertThat(TSDB.awaitExport("energy_5min_energy_wh", s -> !s.isEmpty(), tsdb)).isNotEmpty();
        // ... and the InfluxDB 1.x copy that the InfluxQL panels read, through the same writes
        String perDevice = "SELECT count(\"temperature\") FROM \"telemetry\" GROUP BY \"device\"";
        Await.until(WAIT, () -> INFLUXQL.query(perDevice).series().stream().map(x -> x.tags().get("device")).sorted().toList()
                .equals(sorted(DEVICES)), () -> "InfluxDB 1.x: " + INFLUXQL.query(perDevice));

        // The bridge's live readings: once the clock passes the end of their first 5-minute
        // window, each simulated meter has its windows and its day in MySQL
        Await.until(WAIT, () -> rows("SELECT DISTINCT meter_id FROM energy_5min").containsAll(BRIDGE_METERS)
                        && rows("SELECT DISTINCT meter_id FROM energy_daily").containsAll(BRIDGE_METERS),
                () -> "energy_5min " + rows("SELECT meter_id, window_start, energy_wh, coverage, samples FROM energy_5min")
                        + "\nenergy_daily " + rows("SELECT meter_id, day, energy_wh FROM energy_daily"));
        assertThat(rows("SELECT COUNT(*) FROM energy_5min WHERE meter_id IN ('" + String.join("','", BRIDGE_METERS)
                + "') AND energy_wh > 0 AND samples > 0")).as("windows of the bridged meters with energy").doesNotContain("0");

        // Every session of the three jobs logged in as pulse-jobs (allow_anonymous is false, and the
        // ACL gives alerts/# and the input topics to that account only)
        Map<String, Set<String>> logins = logins();
        assertThat(logins.keySet()).as("client ids that connected").anyMatch(id -> id.startsWith("pulse-telemetry"))
                .anyMatch(id -> id.startsWith("pulse-movement")).anyMatch(id -> id.startsWith("pulse-energy"));
        assertThat(logins.get("pulse-modbus-bridge-compose-bridge")).as("the bridge's session").containsExactly("pulse-bridge");
        logins.forEach((id, users) -> {
            if (id.startsWith("pulse-telemetry") || id.startsWith("pulse-movement") || id.startsWith("pulse-energy")) {
                assertThat(users).as(id).containsExactly("pulse-jobs");
            }
        });

        // Grafana's MySQL account reads what the jobs wrote, and only reads
        String ro = ENV.get("PULSE_DB_READONLY_USER");
        String roPassword = ENV.get("PULSE_DB_READONLY_PASSWORD");
        assertThat(rows(ro, roPassword, "SELECT COUNT(*) FROM device_status")).containsExactly(String.valueOf(DEVICES.size()));
        assertThatThrownBy(() -> {
            try (Connection c = DriverManager.getConnection(jdbcUrl(), ro, roPassword); Statement s = c.createStatement()) {
                s.executeUpdate("DELETE FROM alerts");
            }
        }).isInstanceOf(SQLException.class).hasMessageContaining("denied");

        // The submit service run again (docker compose run --rm submit): every job is left alone
        Shell.Result again = Shell.run(List.of("bash", Repo.file("deploy/flink/submit-jobs.sh").toString()), submitEnv, Repo.ROOT, SCRIPT);
        String saidAgain = again.stdout() + again.stderr();
        assertThat(again.exitCode()).as(saidAgain).isZero();
        assertThat(saidAgain).contains("submit: pulse-telemetry runs already: left alone", "submit: pulse-movement runs already: left alone",
                "submit: pulse-energy runs already: left alone", "submit: all jobs run: 3 Pulse jobs on the cluster");
        assertThat(FLINK.rest().jobs()).hasSize(3);
        stackRan = true;
    }

    /**
     * Every panel query, annotation and template variable of every dashboard the compose's Grafana
     * provisions, run on the stores of this topology's run with the data sources as that Grafana
     * gets them: MySQL as the stack's read-only account (PULSE_DB_READONLY_USER of the test .env),
     * InfluxQL on the bucket's database. The data is live (wall-clock stamped), so the dashboards
     * are opened a minute after the simulated devices and gates last published: an operator's
     * look at a campus whose simulator just stopped.
     */
    @TestFactory
    @Order(3)
    List<DynamicNode> everyPanelQueryOfEveryProvisionedDashboardReturnsRowsOfItsShapeOnTheStacksData() throws Exception {
        assertThat(stackRan).as("the stack of the previous test ran").isTrue();
        ComposeGrafana grafana = ComposeGrafana.resolve(ENV);
        ComposeGrafana.DataSource mysql = grafana.dataSource("pulse-mysql");
        ComposeGrafana.DataSource influx = grafana.dataSource("pulse-influxdb");
        // the compose's host names are this topology's servers: mysql:3306 is DB, influxdb:8086 INFLUXQL
        assertThat(mysql.type()).isEqualTo("mysql");
        assertThat(mysql.url()).isEqualTo("mysql:3306");
        assertThat(mysql.user()).isEqualTo(ENV.get("PULSE_DB_READONLY_USER"));
        assertThat(influx.type()).isEqualTo("influxdb");
        assertThat(influx.url()).isEqualTo("http://influxdb:8086");
        assertThat(influx.jsonData().path("version").asText()).isEqualTo("InfluxQL");
        assertThat(influx.database()).isEqualTo(INFLUXQL.database());
        ReadOnlySql sql = new ReadOnlySql(DB.jdbcUrl(mysql.database()), mysql.user(), mysql.password());

        Instant now = devicesLastPublished.plus(1, ChronoUnit.MINUTES).truncatedTo(ChronoUnit.SECONDS);
        sleep(Math.max(0, Duration.between(Instant.now(), now).toMillis()));
        // What happened until then is in the stores: each silent device's OFFLINE, opened 15 s
        // after its last reading (a silent fleet is reported 30 s after the timeout)
        String at = now.toString().replace("T", " ").replace("Z", "");
        Await.until(WAIT, () -> rows("SELECT device_id FROM alerts WHERE type = 'OFFLINE' AND opened_at <= '" + at
                        + "' AND resolved_at IS NULL ORDER BY device_id").equals(sorted(DEVICES)),
                () -> "alerts " + rows("SELECT device_id, type, opened_at, resolved_at FROM alerts"));

        DashboardStores stores = new TopologyStores(sql, INFLUXQL, now);
        List<Dashboard> dashboards = grafana.dashboards();
        assertThat(dashboards.stream().map(Dashboard::uid))
                .containsExactlyInAnyOrder("pulse-attendance", "pulse-fleet", "pulse-energy", "pulse-pipeline");
        return List.of(
                DynamicContainer.dynamicContainer("panel queries", EveryPanelQuery.panelQueries(dashboards, stores)),
                DynamicContainer.dynamicContainer("annotations", EveryPanelQuery.annotations(dashboards, stores)),
                DynamicContainer.dynamicContainer("template variables", EveryPanelQuery.templateVariables(dashboards, stores)));
    }

    /** The topology's stores as the compose's Grafana reads them, every dashboard opened at one moment. */
    private record TopologyStores(ReadOnlySql sql, InfluxV1Server influx, Instant openedAt) implements DashboardStores {
        @Override
        public InfluxResult influxQl(String query) {
            return influx.query(query);
        }

        @Override
        public Instant now(Dashboard dashboard) {
            return openedAt;
        }
    }

    @Test
    @Order(4)
    void theTelemetryJobReadsAndPublishesOverTlsWithTheGeneratedCaInItsTrustStore() throws Exception {
        assertThat(stackRan).as("the stack of the previous test ran").isTrue();
        // one instance per job and broker: the plain-MQTT telemetry job makes way
        String plain = FLINK.rest().jobs().stream().filter(j -> j.name().equals("pulse-telemetry")).findFirst().orElseThrow().id();
        FLINK.rest().cancel(plain);
        Await.until(WAIT, () -> FLINK.rest().state(plain).equals("CANCELED"), () -> FLINK.rest().state(plain));

        Path truststore = BROKER.tlsFiles().resolve("truststore.p12");
        String tls = "ssl://localhost:" + BROKER.tlsPort();
        String jarId = FLINK.rest().uploadJar(jobsJar());
        String job = FLINK.rest().run(jarId, "io.pulse.jobs.PulseJobs", List.of("telemetry",
                "--mqtt.broker", tls, "--mqtt.username", "pulse-jobs", "--mqtt.password", ENV.get("MQTT_JOBS_PASSWORD"),
                "--mqtt.truststore", truststore.toString(), "--mqtt.truststore-password", "changeit",
                "--mqtt.spool-dir", FLINK.newFolder("spool-tls-").toString(),
                "--jdbc.url", "jdbc:mysql://127.0.0.1:" + DB.port() + "/" + ENV.get("PULSE_DB_NAME"),
                "--jdbc.user", ENV.get("PULSE_DB_USER"), "--jdbc.password", ENV.get("PULSE_DB_PASSWORD"),
                "--checkpoint.interval", "2000", "--parallelism", "1"), null);
        Await.until(WAIT, () -> FLINK.rest().allTasksRunning(job), () -> FLINK.rest().state(job) + "\n" + FLINK.logTails());

        MqttClientSslConfig ssl = trusting(truststore, "changeit");
        try (MqttProbe operator = MqttProbe.connect(BROKER.tlsPort(), "pulse-operator", ENV.get("MQTT_OPERATOR_PASSWORD"), ssl);
             MqttProbe device = MqttProbe.connect(BROKER.tlsPort(), "lab-a-01", devicePassword("lab-a-01"), ssl)) {
            operator.subscribe("alerts/#");
            List<String> received = new ArrayList<>();
            long[] last = {0};
            Await.until(WAIT, () -> {
                // three hot readings a second apart open OVERHEAT, a cool one resolves it; again
                // until it is seen. Times follow the wall clock: the job refuses readings more than
                // 5 minutes ahead, which readings spaced wider than the rounds soon were.
                long ts = Math.max(last[0] + 1000, System.currentTimeMillis() - 10_000);
                for (double t : new double[] {21.0, 82.0, 82.5, 83.0, 21.0}) {
                    device.publish("devices/lab-a-01/telemetry", "{\"deviceId\":\"lab-a-01\",\"ts\":" + ts + ",\"temperature\":" + t + "}", false);
                    last[0] = ts;
                    ts += 1000;
                }
                drain(operator, received, 3000);
                return received.stream().anyMatch(a -> a.startsWith("alerts/lab-a-01 ") && a.contains("OVERHEAT"));
            }, () -> "no OVERHEAT of lab-a-01 over TLS; received " + received + "; refused "
                    + rows("SELECT reason FROM rejected_messages WHERE topic = 'devices/lab-a-01/telemetry'") + "\n" + FLINK.logTails());
        }
        Await.until(WAIT, () -> rows("SELECT device_id FROM alerts WHERE type = 'OVERHEAT'").contains("lab-a-01"),
                () -> "alerts " + rows("SELECT device_id, type, opened_at FROM alerts"));
        assertThat(FLINK.rest().state(job)).isEqualTo("RUNNING");
        assertThat(logins().get("pulse-telemetry-0")).containsExactly("pulse-jobs");
    }

    /**
     * Waits for what the jobs write once event time has moved on: until the condition holds, the
     * simulator service publishes one more round every 10 s.
     */
    private static void awaitWhileSimulating(Map<String, String> simEnv, java.util.function.BooleanSupplier condition,
            java.util.function.Supplier<String> state) throws InterruptedException {
        Map<String, String> oneRound = new HashMap<>(simEnv);
        oneRound.put("SIM_ROUNDS", "1");
        Await.until(WAIT, () -> {
            if (condition.getAsBoolean()) {
                return true;
            }
            Shell.Result more = Shell.run(List.of("sh", Repo.file("deploy/simulator/simulate.sh").toString()), oneRound, Repo.ROOT, SCRIPT);
            devicesLastPublished = Instant.now();
            assertThat(more.stderr()).doesNotContain("could not publish");
            sleep(10_000);
            return false;
        }, state);
    }

    private static void startBridge() throws Exception {
        Path jar = Repo.file("modbus-bridge/target/pulse-modbus-bridge.jar");
        assertThat(jar).as("the bridge's jar, built by the reactor (-am)").isRegularFile();
        Path dir = FLINK.newFolder("modbus-bridge-");
        int modbusPort = io.pulse.testservers.FreePorts.find();
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        // meter-simulator: the compose's command line, on a free port instead of 5020
        PROCESSES.add(new ProcessBuilder(java, "-Xmx64m", "-jar", jar.toString(), "simulate", "--port", String.valueOf(modbusPort),
                "--preset", "sdm630", "--units", "1,2,3", "--power", "2400")
                .redirectErrorStream(true).redirectOutput(dir.resolve("meter-simulator.log").toFile()).start());
        String yaml = Repo.read("deploy/modbus-bridge/bridge.yaml")
                .replace("tcp://mosquitto:1883", "tcp://127.0.0.1:" + BROKER.port())
                .replace("port: 5020", "port: " + modbusPort)
                .replace("/var/lib/pulse-modbus-bridge", dir.resolve("queue").toString());
        Path config = dir.resolve("modbus-bridge.yaml");
        Files.writeString(config, yaml);
        ProcessBuilder bridge = new ProcessBuilder(java, "-Xmx128m", "-jar", jar.toString(), "--config", config.toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("modbus-bridge.log").toFile());
        bridge.environment().put("PULSE_BRIDGE_MQTT_PASSWORD", ENV.get("MQTT_BRIDGE_PASSWORD"));
        PROCESSES.add(bridge.start());
    }

    @org.junit.jupiter.api.AfterAll
    static void stopBridge() throws InterruptedException {
        if (influxWrites != null) {
            influxWrites.close();
        }
        for (Process p : PROCESSES) {
            p.destroy();
            if (!p.waitFor(20, java.util.concurrent.TimeUnit.SECONDS)) {
                p.destroyForcibly();
            }
        }
    }

    private static MqttClientSslConfig trusting(Path store, String password) throws Exception {
        KeyStore keys = KeyStore.getInstance(KeyStore.getDefaultType());
        try (InputStream in = Files.newInputStream(store)) {
            keys.load(in, password.toCharArray());
        }
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(keys);
        return MqttClientSslConfig.builder().trustManagerFactory(trust).build();
    }

    /** Client id to the user names it logged in with, from the broker's connection messages. */
    private static Map<String, Set<String>> logins() {
        Map<String, Set<String>> logins = new LinkedHashMap<>();
        Matcher m = CONNECTED.matcher(brokerLog());
        while (m.find()) {
            logins.computeIfAbsent(m.group(1), k -> new TreeSet<>()).add(m.group(2));
        }
        return logins;
    }

    /** What the probe received within the first wait, and then until a short silence. */
    private static void drain(MqttProbe probe, List<String> into, long firstMillis) {
        try {
            for (String next = probe.next(firstMillis); next != null; next = probe.next(300)) {
                into.add(next);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String brokerLog() {
        try {
            return Files.readString(BROKER.log());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static List<String> sorted(List<String> list) {
        return list.stream().sorted().toList();
    }

    private static String tail(Path log) {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
        } catch (Exception e) {
            return e.toString();
        }
    }
}

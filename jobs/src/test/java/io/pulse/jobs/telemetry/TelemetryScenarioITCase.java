package io.pulse.jobs.telemetry;

import io.pulse.connectors.mqtt.source.MqttSubscriptions;
import io.pulse.jobs.options.JobOptions;
import io.pulse.jobs.storage.DatabaseConnections;
import io.pulse.jobs.storage.JdbcSettings;
import io.pulse.jobs.storage.SchemaMigrator;
import io.pulse.jobs.telemetry.alerts.Alert;
import io.pulse.jobs.telemetry.rules.AlertType;
import io.pulse.testservers.FlinkTestCluster;
import io.pulse.testservers.MariaDbServer;
import io.pulse.testservers.MosquittoServer;

import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt5.Mqtt5BlockingClient;
import com.hivemq.client.mqtt.mqtt5.Mqtt5Client;
import org.apache.flink.configuration.CheckpointingOptions;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.ExternalizedCheckpointRetention;
import org.apache.flink.configuration.StateRecoveryOptions;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The telemetry job on a scripted scenario, end to end on real servers (Mosquitto in, MariaDB out):
 * several devices with hand-computed alerts, rules hot reload, a corpus of bad messages, and the
 * same scenario with the job cancelled mid-way and restored from its retained checkpoint.
 *
 * <p>Time: event times lie in the past (now − 60 min for the first test, now − 30 min for the
 * second, so that readings redelivered from the first job's persistent MQTT sessions can never
 * make the second one's late). Step {@code i} is at {@code base + 2 s × i}; the scenario runs over
 * steps 0..40 (its end: base + 80 s) in event-time order across devices, so no reading is late. A
 * flush device keeps reporting every step up to step 60 without a gap, which moves the watermark
 * past the scenario's end. Every scenario device reports last at step 40, so the processing-time
 * OFFLINE that follows once everything stops opens at ≥ end + 15 s: only alerts opened up to the
 * scenario's end are compared, and those must be exactly the expected ones.
 *
 * <p>Anomaly scores need 20 previous readings of a metric: every jump of a metric happens within
 * its first 20 readings, and the later readings stay near the history, so no ANOMALY_BURST.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TelemetryScenarioITCase {

    @RegisterExtension
    static final MosquittoServer MQTT = MosquittoServer.create();

    @RegisterExtension
    static final MariaDbServer DB = MariaDbServer.create();

    @RegisterExtension
    static final MiniClusterExtension FLINK = FlinkTestCluster.extension(4);

    private static final int END_STEP = 40;
    private static final int FLUSH_STEPS = 60;
    private static final String RULES_TOPIC = "pulse/config/rules";

    private static JdbcSettings jdbc;
    private static Mqtt5BlockingClient client;

    @BeforeAll
    static void connect() throws Exception {
        jdbc = JdbcSettings.of(DB.jdbcUrl(), DB.user(), DB.password());
        SchemaMigrator.migrate(jdbc);
        client = Mqtt5Client.builder().identifier("telemetry-scenario-it").serverHost(MQTT.host())
                .serverPort(MQTT.port()).buildBlocking();
        client.connect();
    }

    @AfterAll
    static void disconnect() {
        client.disconnect();
    }

    // ---------------------------------------------------------------- scenario

    /** One device's readings: the JSON metrics (without deviceId and ts) at step i, or null for none. */
    private interface Script {
        String metrics(int i);
    }

    /** The scenario's devices, by suffix; the device id is prefix + suffix. */
    private static Map<String, Script> scenario() {
        Map<String, Script> devices = new LinkedHashMap<>();
        // hot at steps 10..14: OVERHEAT opens at the third (12), resolves at 15 (30 <= 75 - 2)
        devices.put("hot", i -> "\"temperature\":" + (i >= 10 && i <= 14 ? 80.0 : 30.0));
        // battery 50 ... 50, 35 (drop of 15 at step 10), 28 (< 30 at 11), 20, 12, 8 (< 10 at 14), 8 ...
        devices.put("bat", i -> "\"battery\":" + switch (i) {
            case 10 -> 35;
            case 11 -> 28;
            case 12 -> 20;
            case 13 -> 12;
            default -> i < 10 ? 50 : 8;
        });
        // silent from step 11 to 24: last reading at 10, back at 25
        devices.put("silent", i -> i > 10 && i < 25 ? null : "\"temperature\":20.0");
        // gas above 400 at step 15, flame at step 20 (10 s later): FIRE_RISK at 20; quiet 30 s later: resolved at 35
        devices.put("fire", i -> i == 20 ? "\"gas\":100,\"flame\":true" : "\"gas\":" + (i == 15 ? 450 : 100));
        devices.put("clean", i -> "\"temperature\":22.0,\"humidity\":40");
        return devices;
    }

    /** The alerts the scenario must give, as rows of {@link AlertRows}. */
    private static Set<String> expected(String prefix, Instant base) {
        Set<String> rows = new TreeSet<>();
        rows.add(row(prefix + "hot", AlertType.OVERHEAT, "HIGH", at(base, 12), at(base, 15)));
        rows.add(row(prefix + "bat", AlertType.BATTERY_DROP, "MEDIUM", at(base, 10), null)); // resolves 5 min after the fall
        rows.add(row(prefix + "bat", AlertType.LOW_BATTERY, "HIGH", at(base, 11), null));    // LOW at 11, HIGH from 14
        rows.add(row(prefix + "silent", AlertType.OFFLINE, "HIGH", at(base, 10).plusSeconds(15), at(base, 25)));
        rows.add(row(prefix + "fire", AlertType.FIRE_RISK, "CRITICAL", at(base, 20), at(base, 35)));
        return rows;
    }

    private static Instant at(Instant base, int step) {
        return base.plusSeconds(2L * step);
    }

    private static String row(String device, AlertType type, String severity, Instant opened, Instant resolved) {
        return String.join("|", Alert.id(device, type, opened.toEpochMilli()), device, type.name(), severity,
                opened.toString(), resolved == null ? "open" : resolved.toString());
    }

    /** Publishes steps [from, to] of the scenario devices (up to END_STEP) and of the flush device. */
    private static void publishSteps(String prefix, Instant base, int from, int to, Map<String, Script> extra) {
        Map<String, Script> devices = new LinkedHashMap<>(scenario());
        devices.putAll(extra);
        for (int i = from; i <= to; i++) {
            long ts = at(base, i).toEpochMilli();
            if (i <= END_STEP) {
                for (Map.Entry<String, Script> device : devices.entrySet()) {
                    String metrics = device.getValue().metrics(i);
                    if (metrics != null) {
                        reading(prefix + device.getKey(), ts, metrics);
                    }
                }
            }
            reading(prefix + "flush", ts, "\"temperature\":20.0");
        }
    }

    private static void reading(String device, long ts, String metrics) {
        publish("devices/" + device + "/telemetry", "{\"deviceId\":\"" + device + "\",\"ts\":" + ts + "," + metrics + "}", false);
    }

    // ---------------------------------------------------------------- tests

    @Test
    @Order(1)
    void theScenarioGivesExactlyTheExpectedAlertsWithRulesReloadAndBadMessagesRejected() throws Exception {
        JobClient job = start(new Configuration());
        try {
            String prefix = "S";
            Instant base = Instant.now().minus(60, ChronoUnit.MINUTES).truncatedTo(ChronoUnit.SECONDS);

            // Until the source has subscribed, messages may be lost: repeat one bad message until stored.
            String probeReason = "temperature must be a number or a boolean, got string";
            waitUntil(Duration.ofSeconds(30), "the telemetry source subscribes", () -> {
                publish("devices/Sbad/telemetry", "{\"deviceId\":\"Sbad\",\"ts\":1,\"temperature\":\"hot\"}", false);
                return rejectedReasons().containsKey(probeReason);
            });
            assertThat(MqttSubscriptions.awaitAllSubscribed(Duration.ofSeconds(30))).as(MqttSubscriptions.status().toString()).isTrue();

            // Rules: a retained override for Shot2 only (70 instead of 75), then an invalid message,
            // repeated until refused: the rules reader handles them in order, so the override is in force.
            publish(RULES_TOPIC, "{\"version\": 2, \"devices\": {\"Shot2\": {\"OVERHEAT\": {\"threshold\": 70}}}}", true);
            String invalidRules = "{\"version\": 3, \"defaults\": {\"OVERHEAT\": {\"treshold\": 60}}}";
            String invalidReason = "defaults.OVERHEAT: unknown setting 'treshold' (OVERHEAT takes enabled, threshold, hysteresis)";
            waitUntil(Duration.ofSeconds(30), "the invalid rules are refused", () -> {
                publish(RULES_TOPIC, invalidRules, false);
                return rejectedReasons().containsKey(invalidReason);
            });
            assertThat(rejectedReasons()).containsEntry(invalidReason, RULES_TOPIC);

            // The bad corpus, mixed into the valid traffic.
            Map<String, String> corpus = badCorpus(base);
            corpus.forEach((payload, reason) -> publish("devices/Sbad/telemetry", payload, false));

            // 72 °C at steps 5..7: above Shot2's 70 (opens at 7, resolves at 8: 30 <= 70 - 2), below everyone else's 75.
            Script warm = i -> "\"temperature\":" + (i >= 5 && i <= 7 ? 72.0 : 30.0);
            publishSteps(prefix, base, 0, FLUSH_STEPS, Map.of("hot2", warm, "warm", warm));
            // behind the watermark by then: refused as late
            long lateTs = at(base, 5).plusMillis(500).toEpochMilli();

            Set<String> want = new TreeSet<>(expected(prefix, base));
            want.add(row("Shot2", AlertType.OVERHEAT, "HIGH", at(base, 7), at(base, 8)));
            Instant end = at(base, END_STEP);
            waitFor(Duration.ofSeconds(45), () -> scenarioRows(prefix, end).equals(want));
            reading("Sclean", lateTs, "\"temperature\":22.0");

            assertThat(scenarioRows(prefix, end)).as("alerts opened up to the scenario's end").containsExactlyElementsOf(want);
            assertThat(duplicates(prefix)).isEmpty();

            Map<String, String> reasons = new LinkedHashMap<>();
            corpus.values().forEach(reason -> reasons.put(reason, "devices/Sbad/telemetry"));
            reasons.put("late", "devices/Sclean/telemetry");
            waitFor(Duration.ofSeconds(15),
                    () -> rejectedReasons().entrySet().containsAll(reasons.entrySet()));
            assertThat(rejectedReasons()).containsAllEntriesOf(reasons);
        } finally {
            job.cancel().get(30, TimeUnit.SECONDS);
        }
    }

    @Test
    @Order(2)
    void cancelledMidScenarioAndRestoredFromTheCheckpointGivesTheSameAlertsOnce(@TempDir Path checkpoints) throws Exception {
        Configuration conf = new Configuration();
        conf.set(CheckpointingOptions.CHECKPOINTS_DIRECTORY, checkpoints.toUri().toString());
        conf.set(CheckpointingOptions.EXTERNALIZED_CHECKPOINT_RETENTION, ExternalizedCheckpointRetention.RETAIN_ON_CANCELLATION);
        String prefix = "F";
        Instant base = Instant.now().minus(30, ChronoUnit.MINUTES).truncatedTo(ChronoUnit.SECONDS);

        JobClient first = start(conf);
        Path restoreFrom;
        try {
            waitUntil(Duration.ofSeconds(30), "the telemetry source subscribes", () -> {
                publish("devices/Fbad/telemetry", "{\"deviceId\":\"Fbad\",\"ts\":1,\"temperature\":\"cold\"}", false);
                return rejectedReasons().containsKey("temperature must be a number or a boolean, got string");
            });
            assertThat(MqttSubscriptions.awaitAllSubscribed(Duration.ofSeconds(30))).as(MqttSubscriptions.status().toString()).isTrue();
            // First half: up to step 20, in the middle of the silent gap, the fire sequence and the battery fall.
            publishSteps(prefix, base, 0, 20, Map.of());
            String overheat = row(prefix + "hot", AlertType.OVERHEAT, "HIGH", at(base, 12), at(base, 15));
            waitUntil(Duration.ofSeconds(30), "the first half is processed", () -> AlertRows.read(jdbc).contains(overheat));
            Optional<Path> before = FlinkTestCluster.latestCheckpoint(checkpoints);
            waitUntil(Duration.ofSeconds(15), "a checkpoint after the first half",
                    () -> FlinkTestCluster.latestCheckpoint(checkpoints).isPresent() && !FlinkTestCluster.latestCheckpoint(checkpoints).equals(before));
        } finally {
            first.cancel().get(30, TimeUnit.SECONDS);
        }
        restoreFrom = FlinkTestCluster.latestCheckpoint(checkpoints).orElseThrow();

        conf.set(StateRecoveryOptions.SAVEPOINT_PATH, restoreFrom.toUri().toString());
        JobClient second = start(conf);
        try {
            // The readers' persistent sessions queue what is published meanwhile and redeliver what
            // the cancelled job had not acknowledged (after its last checkpoint). An acknowledgement
            // lost in a failure makes them redeliver readings the restored state holds, or has
            // already forgotten: sent again here, the first half changes nothing.
            publishSteps(prefix, base, 0, 20, Map.of());
            publishSteps(prefix, base, 21, FLUSH_STEPS, Map.of());
            Set<String> want = expected(prefix, base);
            Instant end = at(base, END_STEP);
            waitFor(Duration.ofSeconds(45), () -> scenarioRows(prefix, end).equals(want));
            assertThat(scenarioRows(prefix, end)).as("alerts opened up to the scenario's end").containsExactlyElementsOf(want);
            assertThat(duplicates(prefix)).isEmpty();
        } finally {
            second.cancel().get(30, TimeUnit.SECONDS);
        }
    }

    // ---------------------------------------------------------------- helpers

    private static JobClient start(Configuration conf) throws Exception {
        JobOptions options = JobOptions.parse("--mqtt.broker", MQTT.uri(), "--mqtt.spool-dir", MQTT.newSpoolDirectory(), "--jdbc.url", DB.jdbcUrl(),
                "--jdbc.user", DB.user(), "--jdbc.password", DB.password(), "--jdbc.batch-interval", "100");
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(conf);
        env.setParallelism(2);
        env.enableCheckpointing(300);
        TelemetryJob.build(env, options);
        return env.executeAsync("telemetry-scenario-it");
    }

    /** Bad telemetry payloads on devices/Sbad/telemetry and the reason each must be refused with. */
    private static Map<String, String> badCorpus(Instant base) {
        String ts = "\"ts\":" + base.toEpochMilli();
        Instant future = Instant.now().plus(10, ChronoUnit.MINUTES).truncatedTo(ChronoUnit.SECONDS).plusMillis(123);
        Map<String, String> corpus = new LinkedHashMap<>();
        corpus.put("{" + ts + ",\"temperature\":20}", "deviceId is missing");
        corpus.put("{\"deviceId\":\"R2\"," + ts + ",\"temperature\":20}", "deviceId 'R2' does not match the topic's 'Sbad'");
        corpus.put("{\"deviceId\":\"Sbad\",\"temperature\":20}", "ts is missing");
        corpus.put("{\"deviceId\":\"Sbad\",\"ts\":\"yesterday\",\"temperature\":20}",
                "ts 'yesterday' is not ISO-8601 with a zone (e.g. 2026-03-02T08:00:01.250Z)");
        corpus.put("{\"deviceId\":\"Sbad\",\"ts\":\"" + future + "\",\"temperature\":20}",
                "ts " + future + " is more than 5 minutes in the future");
        corpus.put("{\"deviceId\":\"Sbad\"," + ts + ",\"temperature\":null}", "temperature must be a number or a boolean, got null");
        corpus.put("{\"deviceId\":\"Sbad\"," + ts + ",\"temperature\":NaN}", "temperature is NaN");
        corpus.put("{\"deviceId\":\"Sbad\"," + ts + ",\"pressure\":Infinity}", "pressure is infinite");
        corpus.put("{\"deviceId\":\"Sbad\"," + ts + ",\"temperature\":180}", "temperature 180.0 is outside its valid range [-50, 150]");
        corpus.put("{\"deviceId\":\"Sbad\"," + ts + ",\"battery\":-1}", "battery -1.0 is outside its valid range [0, 100]");
        corpus.put("{\"deviceId\":\"Sbad\"," + ts + ",\"firmware\":\"1.0\"}", "reading has no metrics");
        corpus.put("{\"deviceId\":\"Sbad\",", "payload is not JSON: Unexpected end-of-input within/between Object entries");
        corpus.put("\"just text\"", "payload must be a JSON object or an array of objects, got string");
        return corpus;
    }

    private static void publish(String topic, String payload, boolean retain) {
        client.publishWith().topic(topic).qos(MqttQos.AT_LEAST_ONCE).retain(retain)
                .payload(payload.getBytes(StandardCharsets.UTF_8)).send();
    }

    private interface Check {
        boolean holds() throws Exception;
    }

    private static void waitUntil(Duration timeout, String what, Check check) throws Exception {
        assertThat(waitFor(timeout, check)).as("waiting for " + what).isTrue();
    }

    /** Waits until check holds or timeout passes; the caller asserts what it got, for a useful message. */
    private static boolean waitFor(Duration timeout, Check check) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!check.holds()) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            Thread.sleep(150);
        }
        return true;
    }

    /** The alerts of devices starting with {@code prefix} opened up to {@code end}. */
    private static Set<String> scenarioRows(String prefix, Instant end) throws Exception {
        Set<String> rows = new TreeSet<>();
        for (String row : AlertRows.read(jdbc)) {
            String[] f = row.split("\\|");
            if (f[1].startsWith(prefix) && !Instant.parse(f[4]).isAfter(end)) {
                rows.add(row);
            }
        }
        return rows;
    }

    /** (device, type, opened_at) with more than one row. */
    private static List<String> duplicates(String prefix) throws Exception {
        List<String> found = new ArrayList<>();
        try (Connection c = DatabaseConnections.open(jdbc); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SELECT device_id, type, opened_at, COUNT(*) FROM alerts WHERE device_id LIKE '"
                     + prefix + "%' GROUP BY device_id, type, opened_at HAVING COUNT(*) > 1")) {
            while (r.next()) {
                found.add(r.getString(1) + "|" + r.getString(2) + "|" + r.getString(3) + " x" + r.getInt(4));
            }
        }
        return found;
    }

    /** reason → topic of every rejected message. */
    private static Map<String, String> rejectedReasons() throws Exception {
        Map<String, String> reasons = new LinkedHashMap<>();
        try (Connection c = DatabaseConnections.open(jdbc); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SELECT reason, topic FROM rejected_messages")) {
            while (r.next()) {
                reasons.put(r.getString(1), r.getString(2));
            }
        }
        return reasons;
    }
}

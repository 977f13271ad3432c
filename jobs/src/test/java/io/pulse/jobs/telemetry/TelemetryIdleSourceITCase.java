package io.pulse.jobs.telemetry;

import io.pulse.jobs.ingest.SourceProbe;
import io.pulse.jobs.options.JobOptions;
import io.pulse.jobs.storage.DatabaseConnections;
import io.pulse.jobs.storage.JdbcSettings;
import io.pulse.jobs.storage.SchemaMigrator;
import io.pulse.jobs.telemetry.alerts.Alert;
import io.pulse.jobs.telemetry.rules.AlertType;
import io.pulse.testservers.FlinkTestCluster;
import io.pulse.testservers.MariaDbServer;
import io.pulse.testservers.MosquittoServer;

import com.hivemq.client.mqtt.MqttGlobalPublishFilter;
import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt5.Mqtt5BlockingClient;
import com.hivemq.client.mqtt.mqtt5.Mqtt5Client;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The telemetry job waits 45 s for its first readings, as a job does that is deployed before its
 * devices come online, then gets a burst of two devices' readings: every reading is accepted and
 * the alert opens and resolves exactly. Neither held while the rules stream's watermark was "the
 * end of time" (see {@code OutOfEventTime}), nor while each session of the subscription had a
 * reader of its own, idle after 30 s without messages (see {@code JobMqtt.READERS}).
 */
class TelemetryIdleSourceITCase {

    @RegisterExtension
    static final MosquittoServer MQTT = MosquittoServer.create();

    @RegisterExtension
    static final MariaDbServer DB = MariaDbServer.create();

    @RegisterExtension
    static final MiniClusterExtension FLINK = FlinkTestCluster.extension(4);

    @Test
    void afterAQuietSpellLongerThanTheSourceIdlenessAlertsStillOpen() throws Exception {
        JdbcSettings jdbc = JdbcSettings.of(DB.jdbcUrl(), DB.user(), DB.password());
        SchemaMigrator.migrate(jdbc);
        JobOptions options = JobOptions.parse("--mqtt.broker", MQTT.uri(), "--mqtt.spool-dir", MQTT.newSpoolDirectory(), "--jdbc.url", DB.jdbcUrl(),
                "--jdbc.user", DB.user(), "--jdbc.password", DB.password(), "--jdbc.batch-interval", "100");
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.setParallelism(2);
        env.enableCheckpointing(300);
        TelemetryJob.build(env, options);
        JobClient job = env.executeAsync("telemetry-it");

        List<String> events = new CopyOnWriteArrayList<>();
        Mqtt5BlockingClient client = Mqtt5Client.builder().identifier("telemetry-it").serverHost(MQTT.host())
                .serverPort(MQTT.port()).buildBlocking();
        client.toAsync().publishes(MqttGlobalPublishFilter.ALL,
                p -> events.add(p.getTopic() + " " + new String(p.getPayloadAsBytes(), StandardCharsets.UTF_8)));
        client.connect();
        client.subscribeWith().topicFilter("alerts/#").qos(MqttQos.AT_LEAST_ONCE).send();

        SourceProbe.awaitSubscribed(jdbc,
                () -> publish(client, "devices/B1/telemetry", "{\"deviceId\":\"B1\",\"ts\":1,\"temperature\":\"hot\"}"));

        Thread.sleep(45_000); // no device publishes (longer than the 30 s source idleness jobs had)
        // Readings every 5 s; R1 is above 75 °C for readings 10..15, C1 never.
        Instant base = Instant.now().minus(10, ChronoUnit.MINUTES).truncatedTo(ChronoUnit.SECONDS);
        for (int i = 0; i < 30; i++) {
            long ts = base.plusSeconds(5L * i).toEpochMilli();
            double hot = i >= 10 && i <= 15 ? 82.4 : 21.0;
            publish(client, "devices/R1/telemetry", "{\"deviceId\":\"R1\",\"ts\":" + ts + ",\"temperature\":" + hot + "}");
            publish(client, "devices/C1/telemetry", "{\"deviceId\":\"C1\",\"ts\":" + ts + ",\"temperature\":21.5,\"humidity\":40}");
        }

        Instant opened = base.plusSeconds(5L * 12);   // the third hot reading completes the pattern
        Instant resolved = base.plusSeconds(5L * 16); // the first reading back below 75 - 2
        String overheatId = Alert.id("R1", AlertType.OVERHEAT, opened.toEpochMilli());
        String expectedRow = overheatId + "|R1|OVERHEAT|HIGH|" + opened + "|" + resolved;
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!AlertRows.read(jdbc).contains(expectedRow) && System.nanoTime() < deadline) {
            Thread.sleep(200);
        }

        List<String> rows = AlertRows.read(jdbc);
        // R1 and C1 hash to different sessions of the partitioned subscription (a reader each, once)
        assertThat(rejectedReasons(jdbc)).as("refused").containsOnly("temperature must be a number or a boolean, got string");
        assertThat(rows).contains(expectedRow);
        assertThat(rows).filteredOn(row -> row.contains("|C1|")).as("the clean device: nothing but OFFLINE once it is silent")
                .allMatch(row -> row.contains("|OFFLINE|"));
        assertThat(rows).filteredOn(row -> row.contains("|R1|") && !row.contains("|OFFLINE|")).hasSize(1);
        assertThat(events).anyMatch(e -> e.startsWith("alerts/R1 ") && e.contains("\"opened\"") && e.contains(overheatId));
        assertThat(events).anyMatch(e -> e.startsWith("alerts/R1 ") && e.contains("\"resolved\"") && e.contains(overheatId));

        // Device status and registry: a row per device that sent valid readings, none for B1.
        while ((ids(jdbc, "device_status").size() < 2 || ids(jdbc, "devices").size() < 2) && System.nanoTime() < deadline) {
            Thread.sleep(200);
        }
        assertThat(ids(jdbc, "device_status")).containsExactlyInAnyOrder("R1", "C1");
        assertThat(ids(jdbc, "devices")).containsExactlyInAnyOrder("R1", "C1");
        try (Connection c = DatabaseConnections.open(jdbc); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SELECT first_seen_at FROM devices WHERE device_id = 'R1'")) {
            assertThat(r.next()).isTrue();
            // The first reading the job saw (readers of a shared subscription need not keep the order).
            assertThat(r.getObject(1, LocalDateTime.class).toInstant(ZoneOffset.UTC)).isBetween(base, base.plusSeconds(5L * 29));
        }

        client.disconnect();
        job.cancel().get(30, TimeUnit.SECONDS);
    }

    private static void publish(Mqtt5BlockingClient client, String topic, String payload) {
        client.publishWith().topic(topic).qos(MqttQos.AT_LEAST_ONCE).payload(payload.getBytes(StandardCharsets.UTF_8)).send();
    }

    private static List<String> ids(JdbcSettings jdbc, String table) throws Exception {
        List<String> ids = new ArrayList<>();
        try (Connection c = DatabaseConnections.open(jdbc); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SELECT device_id FROM " + table)) {
            while (r.next()) {
                ids.add(r.getString(1));
            }
        }
        return ids;
    }

    private static List<String> rejectedReasons(JdbcSettings jdbc) throws Exception {
        List<String> reasons = new ArrayList<>();
        try (Connection c = DatabaseConnections.open(jdbc); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SELECT reason FROM rejected_messages")) {
            while (r.next()) {
                reasons.add(r.getString(1));
            }
        }
        return reasons;
    }
}

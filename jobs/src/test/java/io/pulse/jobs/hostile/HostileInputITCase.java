package io.pulse.jobs.hostile;

import io.pulse.connectors.mqtt.source.MqttSubscriptions;
import io.pulse.jobs.energy.EnergyJob;
import io.pulse.jobs.movement.MovementJob;
import io.pulse.jobs.options.JobOptions;
import io.pulse.jobs.storage.DatabaseConnections;
import io.pulse.jobs.storage.JdbcSettings;
import io.pulse.jobs.storage.SchemaMigrator;
import io.pulse.jobs.telemetry.TelemetryJob;
import io.pulse.jobs.telemetry.alerts.Alert;
import io.pulse.jobs.telemetry.rules.AlertType;
import io.pulse.testservers.Await;
import io.pulse.testservers.FlinkTestCluster;
import io.pulse.testservers.MariaDbServer;
import io.pulse.testservers.MosquittoServer;

import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt5.Mqtt5AsyncClient;
import com.hivemq.client.mqtt.mqtt5.Mqtt5Client;
import org.apache.flink.api.common.JobStatus;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.RestartStrategyOptions;
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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The three jobs in one Flink job, fed a hostile corpus of 1,080 messages interleaved with a
 * scripted good stream: no message stops a job (the restart strategy is none: one failure fails
 * the test), every hostile message is one row in {@code rejected_messages}, no raw MAC is stored,
 * and the good stream's alert is exactly a clean run's.
 */
class HostileInputITCase {

    @RegisterExtension
    static final MosquittoServer MQTT = MosquittoServer.create();

    @RegisterExtension
    static final MariaDbServer DB = MariaDbServer.create();

    @RegisterExtension
    static final MiniClusterExtension FLINK = FlinkTestCluster.extension(2);

    private static final int PER_JOB = 360;

    @Test
    void noMessageStopsAJobAndEachIsOneReject() throws Exception {
        JdbcSettings jdbc = JdbcSettings.of(DB.jdbcUrl(), DB.user(), DB.password());
        SchemaMigrator.migrate(jdbc);
        JobOptions options = JobOptions.parse("--mqtt.broker", MQTT.uri(), "--mqtt.spool-dir", MQTT.newSpoolDirectory(),
                "--jdbc.url", DB.jdbcUrl(), "--jdbc.user", DB.user(), "--jdbc.password", DB.password(),
                "--jdbc.batch-interval", "100", "--movement.hmac-key", "hostile-test-key");
        Configuration config = new Configuration();
        config.set(RestartStrategyOptions.RESTART_STRATEGY, "none");
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(config);
        env.setParallelism(1);
        env.enableCheckpointing(500);
        TelemetryJob.build(env, options);
        EnergyJob.build(env, options);
        MovementJob.build(env, options);
        JobClient job = env.executeAsync("hostile-input");

        Mqtt5AsyncClient client = Mqtt5Client.builder().identifier("hostile").serverHost(MQTT.host()).serverPort(MQTT.port())
                .buildAsync();
        client.connect().get(10, TimeUnit.SECONDS);
        try {
            assertThat(MqttSubscriptions.awaitAllSubscribed(Duration.ofSeconds(60))).as(MqttSubscriptions.status().toString()).isTrue();
            List<HostileCorpus.Message> corpus = HostileCorpus.messages(PER_JOB);
            Instant base = Instant.now().minus(10, ChronoUnit.MINUTES).truncatedTo(ChronoUnit.SECONDS);
            List<CompletableFuture<?>> sent = new ArrayList<>();
            int good = 0;
            for (int k = 0; k < corpus.size(); k++) {
                HostileCorpus.Message m = corpus.get(k);
                sent.add(client.publishWith().topic(m.topic()).qos(MqttQos.AT_LEAST_ONCE).payload(m.payload()).send());
                if (k % 36 == 0 && good < 30) { // the good stream, a reading every 5 s of event time
                    long ts = base.plusSeconds(5L * good).toEpochMilli();
                    double temperature = good >= 10 && good <= 15 ? 82.4 : 21.0;
                    sent.add(client.publishWith().topic("devices/R1/telemetry").qos(MqttQos.AT_LEAST_ONCE)
                            .payload(("{\"deviceId\":\"R1\",\"ts\":" + ts + ",\"temperature\":" + temperature + "}")
                                    .getBytes(StandardCharsets.UTF_8)).send());
                    good++;
                }
            }
            CompletableFuture.allOf(sent.toArray(CompletableFuture[]::new)).get(120, TimeUnit.SECONDS);

            Map<String, Integer> expected = Map.of("telemetry", PER_JOB, "energy", PER_JOB, "movement", PER_JOB);
            Await.until(Duration.ofSeconds(180), () -> rejectsByJob(jdbc).equals(expected),
                    () -> "rejects per job " + rejectsByJob(jdbc) + ", expected " + expected + "; job " + status(job));
            Instant opened = base.plusSeconds(5L * 12);
            String overheat = Alert.id("R1", AlertType.OVERHEAT, opened.toEpochMilli()) + "|" + opened + "|" + base.plusSeconds(5L * 16);
            Await.until(Duration.ofSeconds(60), () -> r1Alerts(jdbc).contains(overheat), () -> "R1 alerts " + r1Alerts(jdbc));
            Thread.sleep(2_000); // a late extra row would show now

            assertThat(rejectsByJob(jdbc)).as("one row per hostile message").isEqualTo(expected);
            assertThat(r1Alerts(jdbc)).as("the good stream, exactly").containsExactly(overheat);
            assertThat(storedMovementPayloads(jdbc)).as("no raw MAC stored, in any notation")
                    .noneMatch(p -> p.toUpperCase().contains("A4:5E:60") || p.toUpperCase().contains("A45E.60")
                            || p.toUpperCase().contains("A4.5E.60") || p.contains("A4\\u003a5E"));
            assertThat(status(job)).isEqualTo(JobStatus.RUNNING);

            // pipeline_health counts the same: every hostile message refused, the good stream accepted.
            Map<String, String> counted = Map.of("telemetry", PER_JOB + " refused, 30 accepted",
                    "energy", PER_JOB + " refused, 0 accepted", "movement", PER_JOB + " refused, 0 accepted");
            Await.until(Duration.ofSeconds(60), () -> healthByJob(jdbc).equals(counted),
                    () -> "pipeline_health " + healthByJob(jdbc) + ", expected " + counted);
        } finally {
            client.disconnect().get(10, TimeUnit.SECONDS);
            job.cancel().get(30, TimeUnit.SECONDS);
        }
    }

    private static JobStatus status(JobClient job) {
        try {
            return job.getJobStatus().get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            return null;
        }
    }

    private static Map<String, Integer> rejectsByJob(JdbcSettings jdbc) {
        Map<String, Integer> counts = new HashMap<>();
        try (Connection c = DatabaseConnections.open(jdbc); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SELECT job, COUNT(*) FROM rejected_messages GROUP BY job")) {
            while (r.next()) {
                counts.put(r.getString(1), r.getInt(2));
            }
        } catch (Exception e) {
            counts.put(e.toString(), -1);
        }
        return counts;
    }

    private static Map<String, String> healthByJob(JdbcSettings jdbc) {
        Map<String, String> counts = new HashMap<>();
        try (Connection c = DatabaseConnections.open(jdbc); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SELECT job, SUM(rejected), SUM(accepted) FROM pipeline_health GROUP BY job")) {
            while (r.next()) {
                counts.put(r.getString(1), r.getLong(2) + " refused, " + r.getLong(3) + " accepted");
            }
        } catch (Exception e) {
            counts.put(e.toString(), "");
        }
        return counts;
    }

    private static List<String> r1Alerts(JdbcSettings jdbc) {
        List<String> rows = new ArrayList<>();
        try (Connection c = DatabaseConnections.open(jdbc); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SELECT alert_id, opened_at, resolved_at FROM alerts WHERE device_id = 'R1' AND type <> 'OFFLINE'")) {
            while (r.next()) {
                LocalDateTime resolved = r.getObject(3, LocalDateTime.class);
                rows.add(r.getString(1) + "|" + r.getObject(2, LocalDateTime.class).toInstant(ZoneOffset.UTC) + "|"
                        + (resolved == null ? "open" : resolved.toInstant(ZoneOffset.UTC)));
            }
        } catch (Exception e) {
            rows.add(e.toString());
        }
        return rows;
    }

    private static List<String> storedMovementPayloads(JdbcSettings jdbc) throws Exception {
        List<String> payloads = new ArrayList<>();
        try (Connection c = DatabaseConnections.open(jdbc); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SELECT payload FROM rejected_messages WHERE job = 'movement'")) {
            while (r.next()) {
                payloads.add(new String(r.getBytes(1), StandardCharsets.UTF_8));
            }
        }
        return payloads;
    }
}

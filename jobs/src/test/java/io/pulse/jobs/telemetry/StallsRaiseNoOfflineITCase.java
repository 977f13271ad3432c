package io.pulse.jobs.telemetry;

import io.pulse.jobs.options.JobOptions;
import io.pulse.jobs.storage.DatabaseConnections;
import io.pulse.jobs.storage.JdbcSettings;
import io.pulse.jobs.storage.SchemaMigrator;
import io.pulse.jobs.telemetry.alerts.Alert;
import io.pulse.jobs.telemetry.rules.AlertType;
import io.pulse.testservers.Await;
import io.pulse.testservers.FlinkTestCluster;
import io.pulse.testservers.MariaDbServer;
import io.pulse.testservers.MosquittoServer;

import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt5.Mqtt5AsyncClient;
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
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Pulse, not a device, goes quiet twice while four devices keep reporting every second: the
 * database is down for 30 s (every sink stalls the job) and the broker for 20 s (the devices
 * queue their readings and send them once it is back). The deadlines of all four pass during
 * both stalls; none may be called OFFLINE, every reading is counted once in pipeline_health,
 * and the one real alert (D1 overheats during the database outage) is exactly as without them.
 */
class StallsRaiseNoOfflineITCase {

    @RegisterExtension
    static final MosquittoServer MQTT = MosquittoServer.create();

    @RegisterExtension
    static final MariaDbServer DB = MariaDbServer.create();

    @RegisterExtension
    static final MiniClusterExtension FLINK = FlinkTestCluster.extension(4);

    private static final List<String> DEVICES = List.of("D1", "D2", "D3", "D4");

    @Test
    void aStalledDatabaseAndARestartedBrokerRaiseNoOfflineAlert() throws Exception {
        JdbcSettings jdbc = JdbcSettings.of(DB.jdbcUrl(), DB.user(), DB.password());
        SchemaMigrator.migrate(jdbc);
        JobOptions options = JobOptions.parse("--mqtt.broker", MQTT.uri(), "--mqtt.spool-dir", MQTT.newSpoolDirectory(),
                "--jdbc.url", DB.jdbcUrl(), "--jdbc.user", DB.user(), "--jdbc.password", DB.password(),
                "--jdbc.batch-interval", "100");
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.setParallelism(2);
        env.enableCheckpointing(1_000);
        TelemetryJob.build(env, options);
        JobClient job = env.executeAsync("telemetry-stalls-it");

        // The devices: one client for all four, reconnecting by itself and queueing while the broker is away.
        Mqtt5AsyncClient devices = Mqtt5Client.builder().identifier("stall-devices").serverHost(MQTT.host())
                .serverPort(MQTT.port()).automaticReconnect().initialDelay(200, TimeUnit.MILLISECONDS)
                .maxDelay(1, TimeUnit.SECONDS).applyAutomaticReconnect().buildAsync();
        devices.connectWith().cleanStart(false).sessionExpiryInterval(300).send().get(10, TimeUnit.SECONDS);
        AtomicInteger published = new AtomicInteger();
        AtomicInteger failed = new AtomicInteger();
        AtomicInteger step = new AtomicInteger();
        long hotFrom = 40; // D1 above 75 °C for steps 40..44, during the database outage
        long[] tsAtStep = new long[400];
        Thread clock = new Thread(() -> {
            try {
                while (!Thread.currentThread().isInterrupted()) {
                    int i = step.getAndIncrement();
                    long ts = Instant.now().toEpochMilli();
                    tsAtStep[i] = ts;
                    for (String device : DEVICES) {
                        double temperature = device.equals("D1") && i >= hotFrom && i < hotFrom + 5 ? 82.0 : 21.0;
                        devices.publishWith().topic("devices/" + device + "/telemetry").qos(MqttQos.AT_LEAST_ONCE)
                                .payload(("{\"deviceId\":\"" + device + "\",\"ts\":" + ts + ",\"temperature\":" + temperature + "}")
                                        .getBytes(StandardCharsets.UTF_8)).send()
                                .whenComplete((ack, failure) -> (failure == null ? published : failed).incrementAndGet());
                    }
                    Thread.sleep(1_000);
                }
            } catch (InterruptedException stop) {
                Thread.currentThread().interrupt();
            }
        }, "four devices");
        try {
            assertThat(io.pulse.connectors.mqtt.source.MqttSubscriptions.awaitAllSubscribed(Duration.ofSeconds(60)))
                    .as(io.pulse.connectors.mqtt.source.MqttSubscriptions.status().toString()).isTrue();
            clock.start();
            Await.until(Duration.ofSeconds(60), () -> step.get() >= 30, () -> "step " + step.get());

            DB.shutDown(); // steps 30..60: every sink of the job stalls
            Thread.sleep(30_000);
            DB.start();
            Await.until(Duration.ofSeconds(120), () -> step.get() >= 75, () -> "step " + step.get());

            MQTT.shutDown(); // about 20 s: the devices queue, the job's sessions reconnect
            Thread.sleep(20_000);
            MQTT.start();
            int lastStep = step.get() + 20;
            Await.until(Duration.ofSeconds(120), () -> step.get() >= lastStep, () -> "step " + step.get());

            // While the devices still report: the one real alert, and no OFFLINE from either stall.
            long opened = tsAtStep[(int) hotFrom + 2];
            long resolved = tsAtStep[(int) hotFrom + 5];
            String overheat = Alert.id("D1", AlertType.OVERHEAT, opened) + "|D1|OVERHEAT|HIGH|"
                    + Instant.ofEpochMilli(opened) + "|" + Instant.ofEpochMilli(resolved);
            Await.until(Duration.ofSeconds(60), () -> read(jdbc).contains(overheat),
                    () -> "alerts " + read(jdbc) + ", expected " + overheat);
            assertThat(read(jdbc)).as("no device was silent, Pulse was").containsExactly(overheat);

            clock.interrupt();
            clock.join();
            Await.until(Duration.ofSeconds(30), () -> published.get() + failed.get() == step.get() * DEVICES.size(),
                    () -> published.get() + " acknowledged, " + failed.get() + " failed");
            assertThat(failed.get()).as("publishes the devices' client gave up").isZero();
            int sent = published.get();
            // The database outage fails the job once (a sink gives up): a minute the failed attempt
            // wrote is exact once it is dropped, 3 minutes after it began (PipelineHealth).
            Await.until(Duration.ofSeconds(240), () -> accepted(jdbc) == sent,
                    () -> "pipeline_health counted " + accepted(jdbc) + " accepted of " + sent + " sent");
            Thread.sleep(2_000); // a count too many would show now
            assertThat(accepted(jdbc)).as("each reading counted once").isEqualTo(sent);
        } finally {
            clock.interrupt();
            clock.join();
            devices.disconnect();
            job.cancel().get(30, TimeUnit.SECONDS);
        }
    }

    private static List<String> read(JdbcSettings jdbc) {
        try {
            return AlertRows.read(jdbc);
        } catch (Exception e) {
            return List.of(e.toString());
        }
    }

    private static long accepted(JdbcSettings jdbc) {
        try (Connection c = DatabaseConnections.open(jdbc); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SELECT COALESCE(SUM(accepted), 0) FROM pipeline_health WHERE job = 'telemetry'")) {
            r.next();
            return r.getLong(1);
        } catch (Exception e) {
            return -1;
        }
    }
}

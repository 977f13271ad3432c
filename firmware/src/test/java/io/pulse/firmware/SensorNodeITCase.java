package io.pulse.firmware;

import io.pulse.jobs.options.JobOptions;
import io.pulse.jobs.storage.JdbcSettings;
import io.pulse.jobs.storage.SchemaMigrator;
import io.pulse.jobs.telemetry.TelemetryJob;
import io.pulse.testservers.Await;
import io.pulse.testservers.FlinkTestCluster;
import io.pulse.testservers.MariaDbServer;
import io.pulse.testservers.MosquittoServer;

import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt5.Mqtt5BlockingClient;
import com.hivemq.client.mqtt.mqtt5.Mqtt5Client;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A virtual sensor node (the firmware's core on the host) overheats: its readings go through a
 * real Mosquitto into the real telemetry job, the OVERHEAT alert reaches MariaDB's alerts table,
 * and the fan command the rules attach to it comes back on devices/{id}/commands, where the
 * node's command handler switches its fan on, and off again when the alert resolves.
 */
class SensorNodeITCase {

    @RegisterExtension
    static final MosquittoServer MQTT = MosquittoServer.create();

    @RegisterExtension
    static final MariaDbServer DB = MariaDbServer.create();

    @RegisterExtension
    static final MiniClusterExtension FLINK = FlinkTestCluster.extension(2);

    static final String RULES = "{\"version\":1,\"commands\":{\"OVERHEAT\":{"
            + "\"opened\":{\"command\":\"fan\",\"state\":\"on\"},\"resolved\":{\"command\":\"fan\",\"state\":\"off\"}}}}";

    @Test
    void anOverheatingNodeGetsAnAlertAndItsFanSwitchedOnAndOff() throws Exception {
        JdbcSettings jdbc = JdbcSettings.of(DB.jdbcUrl(), DB.user(), DB.password());
        SchemaMigrator.migrate(jdbc);
        JobOptions options = JobOptions.parse("--mqtt.broker", MQTT.uri(), "--mqtt.spool-dir", MQTT.newSpoolDirectory(),
                "--jdbc.url", DB.jdbcUrl(), "--jdbc.user", DB.user(), "--jdbc.password", DB.password(),
                "--jdbc.batch-interval", "100");
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.setParallelism(1);
        env.enableCheckpointing(300);
        TelemetryJob.build(env, options);
        JobClient job = env.executeAsync("firmware-sensor-node-it");

        Mqtt5BlockingClient operator = Mqtt5Client.builder().identifier("sensor-node-it").serverHost(MQTT.host())
                .serverPort(MQTT.port()).buildBlocking();
        operator.connect();
        operator.publishWith().topic("pulse/config/rules").qos(MqttQos.AT_LEAST_ONCE).retain(true)
                .payload(RULES.getBytes(StandardCharsets.UTF_8)).send();
        List<String> args = new ArrayList<>(List.of("sensor-node"));
        args.addAll(VirtualDevice.brokerArgs(MQTT.host(), MQTT.port()));
        args.addAll(List.of("--device-id", "workshop-04", "--interval-ms", "1000"));
        try (VirtualDevice node = VirtualDevice.start("workshop-04", args, VirtualDevice.noSecrets())) {
            Await.until(Duration.ofSeconds(60), () -> {
                operator.publishWith().topic("devices/B1/telemetry").qos(MqttQos.AT_LEAST_ONCE)
                        .payload("{\"deviceId\":\"B1\",\"ts\":1,\"temperature\":\"hot\"}".getBytes(StandardCharsets.UTF_8)).send();
                return !DbRows.query(jdbc, "SELECT reason FROM rejected_messages").isEmpty();
            }, () -> "the telemetry job has not subscribed yet");
            Thread.sleep(1_000); // the rules reader has the retained rules

            node.ask("set humidity 41.5", l -> l.startsWith("set"), Duration.ofSeconds(5));
            node.ask("set temperature 21.5", l -> l.startsWith("set"), Duration.ofSeconds(5));
            int calm = node.mark();
            node.await(calm, l -> l.startsWith("acked"), Duration.ofSeconds(20));
            int hot = node.mark();
            node.send("set temperature 82.4");
            hot = node.awaitIndex(hot, l -> l.equals("set temperature"), Duration.ofSeconds(5));
            String fanOn = node.await(hot, l -> l.equals("actuator fan on"), Duration.ofSeconds(60));
            int cool = node.mark();
            node.send("set temperature 21");
            cool = node.awaitIndex(cool, l -> l.equals("set temperature"), Duration.ofSeconds(5));
            node.await(cool, l -> l.equals("actuator fan off"), Duration.ofSeconds(60));

            // the alert opened at the third hot reading and resolved at the first cool one
            String opened = samplesAfter(node, hot).get(2);
            String resolved = samplesAfter(node, cool).get(0);
            String sql = "SELECT device_id, type, severity, opened_at, resolved_at FROM alerts WHERE type = 'OVERHEAT'";
            String expected = "workshop-04|OVERHEAT|HIGH|" + opened + "|" + resolved;
            Await.until(Duration.ofSeconds(30), () -> DbRows.query(jdbc, sql).contains(expected),
                    () -> "alerts " + DbRows.query(jdbc, sql) + ", expected " + expected);
            assertThat(DbRows.query(jdbc, sql)).containsExactly(expected);
            assertThat(fanOn).isEqualTo("actuator fan on");
            assertThat(node.texts(l -> l.startsWith("command refused"))).isEmpty();
            assertThat(node.texts(l -> l.startsWith("actuator"))).containsExactly("actuator fan on", "actuator fan off");
            // every reading the node took before the fan went off was stored as the node's status
            assertThat(DbRows.query(jdbc, "SELECT device_id FROM device_status")).contains("workshop-04");
        } finally {
            operator.publishWith().topic("pulse/config/rules").retain(true).send(); // clear the retained rules
            operator.disconnect();
            job.cancel().get(30, TimeUnit.SECONDS);
        }
    }

    /** The times of the readings the node took after line `index`, as the database shows times. */
    private static List<String> samplesAfter(VirtualDevice node, int index) {
        return node.lines().stream().skip(index + 1L).map(VirtualDevice.Line::text).filter(l -> l.startsWith("sampled "))
                .map(l -> Instant.parse(l.split(" ")[1]).toString()).toList();
    }
}

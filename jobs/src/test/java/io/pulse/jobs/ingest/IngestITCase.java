package io.pulse.jobs.ingest;

import io.pulse.connectors.mqtt.MqttDeserializer;
import io.pulse.connectors.mqtt.MqttMessage;
import io.pulse.connectors.mqtt.source.MqttSource;
import io.pulse.jobs.storage.DatabaseConnections;
import io.pulse.jobs.storage.JdbcSettings;
import io.pulse.jobs.storage.SchemaMigrator;
import io.pulse.jobs.storage.UpsertSink;
import io.pulse.jobs.telemetry.MetricRanges;
import io.pulse.jobs.telemetry.Reading;
import io.pulse.jobs.telemetry.TelemetryParser;
import io.pulse.testservers.FlinkTestCluster;
import io.pulse.testservers.MariaDbServer;
import io.pulse.testservers.MosquittoServer;

import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt5.Mqtt5BlockingClient;
import com.hivemq.client.mqtt.mqtt5.Mqtt5Client;
import org.apache.flink.api.common.JobStatus;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.api.connector.sink2.SinkWriter;
import org.apache.flink.api.connector.sink2.WriterInitContext;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The ingest path of every job on real servers: Mosquitto -> MQTT source -> parse step; valid
 * readings flow on while bad messages land in MariaDB's rejected_messages with their reasons.
 */
class IngestITCase {

    @RegisterExtension
    static final MosquittoServer MQTT = MosquittoServer.create();

    @RegisterExtension
    static final MariaDbServer DB = MariaDbServer.create();

    @RegisterExtension
    static final MiniClusterExtension FLINK = FlinkTestCluster.extension(4);

    static final Set<String> READINGS = ConcurrentHashMap.newKeySet();

    /** Records "deviceId@ts" of every reading in {@link #READINGS}. */
    static final class ReadingKeys implements Sink<Reading> {
        @Override
        public SinkWriter<Reading> createWriter(WriterInitContext context) {
            return new SinkWriter<>() {
                @Override
                public void write(Reading reading, Context ctx) {
                    READINGS.add(reading.deviceId() + "@" + reading.ts());
                }

                @Override
                public void flush(boolean endOfInput) {}

                @Override
                public void close() {}
            };
        }
    }

    @Test
    void badMessagesAreStoredWithTheirReasonWhileValidReadingsFlowOn() throws Exception {
        JdbcSettings settings = JdbcSettings.of(DB.jdbcUrl(), DB.user(), DB.password()).withBatching(50, 100, 3);
        SchemaMigrator.migrate(settings);
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.enableCheckpointing(300);
        env.setParallelism(2);
        SingleOutputStreamOperator<Reading> readings = env
                .fromSource(MqttSource.<MqttMessage>builder().brokerUri(MQTT.uri()).topic(TelemetryParser.TOPIC.filter())
                        .clientIdPrefix("ingest-it").deserializer(MqttDeserializer.raw()).build(),
                        WatermarkStrategy.noWatermarks(), "mqtt")
                .process(new ParseStep<>("telemetry", new TelemetryParser(MetricRanges.CONTRACT), Reading.class));
        readings.sinkTo(new ReadingKeys());
        readings.getSideOutput(ParseStep.REJECTED).sinkTo(UpsertSink.into(RejectedMessage.TABLE, settings));
        JobClient job = env.executeAsync("ingest-it");

        Map<String, String> bad = new HashMap<>();
        bad.put("devices/D1/telemetry|{\"deviceId\":\"D2\",\"ts\":1772438400000,\"temperature\":20}",
                "deviceId 'D2' does not match the topic's 'D1'");
        bad.put("devices/D1/telemetry|{\"deviceId\":\"D1\",\"ts\":1772438400000,\"humidity\":101}",
                "humidity 101.0 is outside its valid range [0, 100]");
        bad.put("devices/D1/telemetry|not json at all", "payload is not JSON: Unrecognized token 'not': was expecting"
                + " (JSON String, Number (or 'NaN'/'+INF'/'-INF'), Array, Object or token 'null', 'true' or 'false')");
        Mqtt5BlockingClient publisher = Mqtt5Client.builder().identifier("ingest-it-publisher")
                .serverHost(MQTT.host()).serverPort(MQTT.port()).buildBlocking();
        publisher.connect();
        // Until the shared subscriptions exist, publish readings that may be lost; then the rest.
        long ts = 1772438400000L;
        for (int i = 0; READINGS.isEmpty(); i++) {
            assertThat(i).as("the source subscribes within 30 s").isLessThan(600);
            publish(publisher, "devices/W/telemetry", "{\"deviceId\":\"W\",\"ts\":" + (ts + i) + ",\"temperature\":20}");
            Thread.sleep(50);
        }
        for (int i = 0; i < 200; i++) {
            publish(publisher, "devices/D" + (i % 5) + "/telemetry",
                    "{\"deviceId\":\"D" + (i % 5) + "\",\"ts\":" + (ts + i * 1000L) + ",\"temperature\":" + (20 + i % 7) + "}");
            if (i % 50 == 0) {
                for (String message : bad.keySet()) {
                    publish(publisher, message.substring(0, message.indexOf('|')), message.substring(message.indexOf('|') + 1));
                }
            }
        }
        publisher.disconnect();

        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        Map<String, String> stored;
        do {
            Thread.sleep(200);
            stored = rejected(settings);
        } while ((stored.size() < bad.size() || READINGS.stream().filter(k -> k.startsWith("D")).count() < 200)
                && System.nanoTime() < deadline);

        assertThat(READINGS.stream().filter(k -> k.startsWith("D")).count()).isEqualTo(200);
        assertThat(stored).as("each bad message once, though sent 4 times").isEqualTo(bad);
        assertThat(job.getJobStatus().get()).isEqualTo(JobStatus.RUNNING);
        job.cancel().get(30, TimeUnit.SECONDS);
    }

    private static void publish(Mqtt5BlockingClient client, String topic, String payload) {
        client.publishWith().topic(topic).qos(MqttQos.AT_LEAST_ONCE).payload(payload.getBytes(StandardCharsets.UTF_8)).send();
    }

    /** "topic|payload" -> reason, from the table. */
    private static Map<String, String> rejected(JdbcSettings settings) throws Exception {
        Map<String, String> rows = new HashMap<>();
        try (Connection connection = DatabaseConnections.open(settings);
             Statement statement = connection.createStatement();
             ResultSet r = statement.executeQuery("SELECT topic, payload, reason, job FROM rejected_messages")) {
            while (r.next()) {
                assertThat(r.getString("job")).isEqualTo("telemetry");
                rows.put(r.getString("topic") + "|" + new String(r.getBytes("payload"), StandardCharsets.UTF_8), r.getString("reason"));
            }
        }
        return rows;
    }
}

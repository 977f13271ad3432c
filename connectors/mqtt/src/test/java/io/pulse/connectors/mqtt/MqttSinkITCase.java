package io.pulse.connectors.mqtt;

import io.pulse.connectors.mqtt.sink.MqttOutboundMessage;
import io.pulse.connectors.mqtt.sink.MqttSink;
import io.pulse.testservers.Await;
import io.pulse.connectors.mqtt.testing.TestSubscriber;
import io.pulse.testservers.FlinkTestCluster;
import io.pulse.testservers.MosquittoServer;

import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.apache.flink.api.common.functions.MapFunction;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.RestartStrategyOptions;
import org.apache.flink.core.execution.JobClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MqttSinkITCase {

    @RegisterExtension
    static final MosquittoServer MQTT = MosquittoServer.create();

    @RegisterExtension
    static final MiniClusterExtension FLINK = FlinkTestCluster.extension(4);

    @Test
    void everyRecordIsAcknowledgedByTheBrokerBeforeTheJobFinishes() throws Exception {
        try (TestSubscriber subscriber = new TestSubscriber(MQTT.host(), MQTT.port(), "sink/alerts/+")) {
            StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
            env.setParallelism(2);
            env.fromSequence(0, 4_999)
                    .map(i -> "alert-" + i)
                    .sinkTo(MqttSink.<String>builder()
                            .brokerUri(MQTT.uri())
                            .clientIdPrefix("sink-it")
                            .maxInFlight(100)
                            .serializer(text -> MqttOutboundMessage.of("sink/alerts/" + (text.hashCode() & 3), text))
                            .build());
            env.execute("mqtt-sink-test");

            // flush(endOfInput) waited for every PUBACK, so the broker has them all already.
            Set<String> expected = IntStream.range(0, 5_000).mapToObj(i -> "alert-" + i).collect(Collectors.toSet());
            Await.until(Duration.ofSeconds(10), () -> subscriber.received.size() >= 5_000,
                    () -> subscriber.received.size() + " of 5000 received");
            assertThat(subscriber.received.stream().map(TestSubscriber.Received::payload).collect(Collectors.toSet()))
                    .isEqualTo(expected);
        }
    }

    @Test
    void retainedMessagesReachSubscribersThatComeLater() throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.setParallelism(1);
        env.fromData("{\"version\":1}", "{\"version\":2}")
                .sinkTo(MqttSink.<String>builder()
                        .brokerUri(MQTT.uri())
                        .clientIdPrefix("sink-retain")
                        .serializer(rules -> MqttOutboundMessage.of("sink/config/rules", rules).retained())
                        .build());
        env.execute("mqtt-sink-retain-test");

        try (TestSubscriber late = new TestSubscriber(MQTT.host(), MQTT.port(), "sink/config/rules")) {
            Await.until(Duration.ofSeconds(10), () -> !late.received.isEmpty(), () -> "no retained message");
            assertThat(late.received).containsExactly(new TestSubscriber.Received("sink/config/rules", "{\"version\":2}", true));
        }
    }

    @Test
    void aBrokerOutageDelaysTheSinkButNeitherFailsTheJobNorLosesARecord() throws Exception {
        int records = 3_000;
        try (TestSubscriber subscriber = new TestSubscriber(MQTT.host(), MQTT.port(), "outage/alerts/+", true)) {
            Configuration config = new Configuration();
            config.set(RestartStrategyOptions.RESTART_STRATEGY, "none"); // any failure fails the test
            StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(config);
            env.setParallelism(1);
            env.enableCheckpointing(1_000);
            env.fromSequence(0, records - 1)
                    .map(new Paced(10))
                    .sinkTo(MqttSink.<String>builder()
                            .brokerUri(MQTT.uri())
                            .clientIdPrefix("sink-outage")
                            .reconnectBackoff(Duration.ofMillis(100), Duration.ofSeconds(1))
                            .serializer(text -> MqttOutboundMessage.of("outage/alerts/" + (text.hashCode() & 3), text))
                            .build());
            JobClient job = env.executeAsync("mqtt-sink-outage-test");
            Await.until(Duration.ofSeconds(60), () -> subscriber.received.size() >= 300, () -> subscriber.received.size() + " received");
            MQTT.shutDown();
            Thread.sleep(20_000);
            MQTT.start();
            job.getJobExecutionResult().get(180, TimeUnit.SECONDS); // throws if the job failed

            Set<String> expected = IntStream.range(0, records).mapToObj(i -> "alert-" + i).collect(Collectors.toSet());
            Await.until(Duration.ofSeconds(30),
                    () -> subscriber.received.stream().map(TestSubscriber.Received::payload).collect(Collectors.toSet()).size() == records,
                    () -> subscriber.received.size() + " received of " + records);
            assertThat(subscriber.received.stream().map(TestSubscriber.Received::payload).collect(Collectors.toSet()))
                    .isEqualTo(expected);
        }
    }

    /** "alert-i", one every {@code millis}: a job that is still writing while the broker is away. */
    private static final class Paced implements MapFunction<Long, String> {
        private final long millis;

        Paced(long millis) {
            this.millis = millis;
        }

        @Override
        public String map(Long i) throws Exception {
            Thread.sleep(millis);
            return "alert-" + i;
        }
    }

    @Test
    void builderNamesWhatIsWrong() {
        assertThatThrownBy(() -> MqttSink.<String>builder().brokerUri("tcp://x:1").clientIdPrefix("p").build())
                .hasMessageContaining("serializer");
        assertThatThrownBy(() -> MqttSink.<String>builder().brokerUri("mqtt://x:1").clientIdPrefix("p")
                .serializer(s -> null).build()).hasMessageContaining("tcp:// or ssl://");
        assertThatThrownBy(() -> MqttOutboundMessage.of("alerts/+", "x")).hasMessageContaining("without wildcards");
    }
}

package io.pulse.connectors.mqtt;

import io.pulse.connectors.mqtt.sink.MqttOutboundMessage;
import io.pulse.connectors.mqtt.sink.MqttSink;
import io.pulse.testservers.Await;
import io.pulse.connectors.mqtt.testing.TestSubscriber;
import io.pulse.testservers.FlinkTestCluster;
import io.pulse.testservers.MosquittoServer;

import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
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
    void builderNamesWhatIsWrong() {
        assertThatThrownBy(() -> MqttSink.<String>builder().brokerUri("tcp://x:1").clientIdPrefix("p").build())
                .hasMessageContaining("serializer");
        assertThatThrownBy(() -> MqttSink.<String>builder().brokerUri("mqtt://x:1").clientIdPrefix("p")
                .serializer(s -> null).build()).hasMessageContaining("tcp:// or ssl://");
        assertThatThrownBy(() -> MqttOutboundMessage.of("alerts/+", "x")).hasMessageContaining("without wildcards");
    }
}

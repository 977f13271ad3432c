package io.pulse.connectors.mqtt.source.reader;

import io.pulse.connectors.mqtt.MqttDeliveryGuarantee;
import io.pulse.connectors.mqtt.MqttDeserializer;
import io.pulse.connectors.mqtt.MqttMessage;
import io.pulse.connectors.mqtt.source.MqttSource;
import io.pulse.connectors.mqtt.source.MqttSourceOptions;
import io.pulse.connectors.mqtt.testing.TestPublisher;
import io.pulse.testservers.MosquittoServer;

import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.util.Collector;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The acknowledgement protocol, observed from the broker's side: what a reader acknowledged is
 * gone from its session; what it did not is redelivered to the next reader of that session.
 */
class MqttSourceReaderITCase {

    @RegisterExtension
    static final MosquittoServer MQTT = MosquittoServer.create();

    private static final Duration WAIT = Duration.ofSeconds(20);

    private static MqttSourceOptions options(TestInfo test, MqttDeliveryGuarantee guarantee) {
        String name = test.getTestMethod().orElseThrow().getName();
        return MqttSource.<String>builder()
                .brokerUri(MQTT.uri())
                .topic("reader/" + name)
                .clientIdPrefix("reader-" + name)
                .deliveryGuarantee(guarantee)
                .deserializer(MqttDeserializer.utf8())
                .build()
                .options();
    }

    private static String topicOf(MqttSourceOptions options) {
        return options.topicFilters().keySet().iterator().next();
    }

    /**
     * Connects once so the broker holds a subscribed session that queues what is published next:
     * publishes "hello" until the subscription is in place, then acknowledges every hello.
     */
    private static void createSession(MqttSourceOptions options) throws Exception {
        try (ReaderHarness<String> first = new ReaderHarness<>(options, MqttDeserializer.utf8(), null, 0);
             TestPublisher publisher = new TestPublisher(MQTT.host(), MQTT.port())) {
            long deadline = System.nanoTime() + WAIT.toNanos();
            while (first.pollFor(Duration.ofMillis(200)).isEmpty()) {
                assertThat(System.nanoTime()).as("subscribed in time").isLessThan(deadline);
                publisher.publish(topicOf(options), "hello");
            }
            first.pollFor(Duration.ofMillis(500)); // hellos still on their way
            first.checkpoint(1);
        }
    }

    @Test
    void acknowledgesOnlyAfterTheCheckpointCompletesAndTheBrokerRedeliversTheRest(TestInfo test) throws Exception {
        MqttSourceOptions options = options(test, MqttDeliveryGuarantee.AT_LEAST_ONCE);
        createSession(options);
        try (TestPublisher publisher = new TestPublisher(MQTT.host(), MQTT.port())) {
            try (ReaderHarness<String> reader = new ReaderHarness<>(options, MqttDeserializer.utf8(), null, 0)) {
                publisher.publishAll(topicOf(options), TestPublisher.numbered("a", 10));
                reader.pollUntil(10, WAIT);
                assertThat(reader.counter("messagesReceived")).isEqualTo(10);
                assertThat(reader.gauge("pendingAcknowledgements")).isEqualTo(10L);
                assertThat(reader.counter("messagesAcknowledged")).isZero();

                reader.checkpoint(1);
                assertThat(reader.counter("messagesAcknowledged")).isEqualTo(10);
                assertThat(reader.gauge("pendingAcknowledgements")).isEqualTo(0L);

                publisher.publishAll(topicOf(options), TestPublisher.numbered("b", 5));
                reader.pollUntil(15, WAIT);
                reader.reader.snapshotState(2); // checkpoint 2 never completes: the job "fails"
            }
            try (ReaderHarness<String> restarted = new ReaderHarness<>(options, MqttDeserializer.utf8(), null, 0)) {
                assertThat(restarted.pollFor(Duration.ofSeconds(3)))
                        .as("exactly the unacknowledged messages come back")
                        .containsExactlyInAnyOrderElementsOf(TestPublisher.numbered("b", 5));
            }
        }
    }

    @Test
    void atMostOnceAcknowledgesOnEmission(TestInfo test) throws Exception {
        MqttSourceOptions options = options(test, MqttDeliveryGuarantee.AT_MOST_ONCE);
        createSession(options);
        try (TestPublisher publisher = new TestPublisher(MQTT.host(), MQTT.port())) {
            try (ReaderHarness<String> reader = new ReaderHarness<>(options, MqttDeserializer.utf8(), null, 0)) {
                publisher.publishAll(topicOf(options), TestPublisher.numbered("a", 10));
                reader.pollUntil(10, WAIT);
                assertThat(reader.counter("messagesAcknowledged")).isEqualTo(10);
                assertThat(reader.gauge("pendingAcknowledgements")).isEqualTo(0L);
            }
            try (ReaderHarness<String> restarted = new ReaderHarness<>(options, MqttDeserializer.utf8(), null, 0)) {
                publisher.publish(topicOf(options), "after");
                restarted.pollUntil(1, WAIT);
                assertThat(restarted.pollFor(Duration.ofSeconds(1))).containsExactly("after");
            }
        }
    }

    @Test
    void deadLettersAreCountedAndAcknowledgedLikeOtherMessages(TestInfo test) throws Exception {
        MqttSourceOptions options = options(test, MqttDeliveryGuarantee.AT_LEAST_ONCE);
        MqttDeserializer<String> numbersOnly = new MqttDeserializer<>() {
            @Override
            public void deserialize(MqttMessage message, Collector<String> out) {
                out.collect(String.valueOf(Integer.parseInt(message.payloadAsString())));
            }

            @Override
            public TypeInformation<String> getProducedType() {
                return Types.STRING;
            }
        };
        createSession(options);
        try (TestPublisher publisher = new TestPublisher(MQTT.host(), MQTT.port())) {
            try (ReaderHarness<String> reader = new ReaderHarness<>(options, numbersOnly, (m, reason) -> "DEAD " + reason, 0)) {
                publisher.publish(topicOf(options), "1");
                publisher.publish(topicOf(options), "two");
                publisher.publish(topicOf(options), "3");
                reader.pollUntil(3, WAIT);
                assertThat(reader.records).containsExactly("1", "DEAD For input string: \"two\"", "3");
                assertThat(reader.counter("deadLetters")).isEqualTo(1);
                assertThat(reader.metrics.getCounter("numRecordsInErrors").orElseThrow().getCount()).isEqualTo(1);
                reader.checkpoint(1);
                assertThat(reader.counter("messagesAcknowledged")).isEqualTo(3);
            }
            try (ReaderHarness<String> restarted = new ReaderHarness<>(options, numbersOnly, null, 0)) {
                assertThat(restarted.pollFor(Duration.ofSeconds(2))).as("nothing redelivered, the dead letter neither").isEmpty();
            }
        }
    }
}

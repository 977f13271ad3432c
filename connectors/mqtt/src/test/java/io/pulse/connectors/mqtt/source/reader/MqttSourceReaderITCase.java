package io.pulse.connectors.mqtt.source.reader;

import io.pulse.connectors.mqtt.MqttDeserializer;
import io.pulse.connectors.mqtt.MqttMessage;
import io.pulse.connectors.mqtt.source.MqttSource;
import io.pulse.connectors.mqtt.source.MqttSourceOptions;
import io.pulse.connectors.mqtt.source.split.MqttSessionSplit;
import io.pulse.connectors.mqtt.testing.TestPublisher;
import io.pulse.testservers.MosquittoServer;

import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.util.Collector;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The acknowledgement protocol, observed from the broker's side: a reader acknowledges what it
 * spooled, so the broker redelivers nothing; what came after the last completed checkpoint comes
 * back from the spool on restore.
 */
class MqttSourceReaderITCase {

    @RegisterExtension
    static final MosquittoServer MQTT = MosquittoServer.create();

    private static final Duration WAIT = Duration.ofSeconds(20);

    private static MqttSourceOptions options(TestInfo test, String topicFilter) {
        String name = test.getTestMethod().orElseThrow().getName();
        return MqttSource.<String>builder()
                .brokerUri(MQTT.uri())
                .topic(topicFilter == null ? "reader/" + name : topicFilter)
                .clientIdPrefix("reader-" + name)
                .spoolDirectory(MQTT.newSpoolDirectory())
                .deserializer(MqttDeserializer.utf8())
                .build()
                .options();
    }

    private static String topicOf(MqttSourceOptions options) {
        return options.topicFilters().keySet().iterator().next();
    }

    /** Waits until the reader's session is subscribed, then acknowledges everything so far. */
    private static void awaitSubscribed(ReaderHarness<String> reader) throws Exception {
        reader.awaitGauge("subscribedSessions", 1, WAIT);
        reader.checkpoint(0);
    }

    @Test
    void acknowledgesOnceSpooledAndARestoreReplaysFromTheSpoolWhatCameAfterTheCheckpoint(TestInfo test) throws Exception {
        MqttSourceOptions options = options(test, null);
        List<MqttSessionSplit> checkpointed;
        try (TestPublisher publisher = new TestPublisher(MQTT.host(), MQTT.port())) {
            try (ReaderHarness<String> reader = new ReaderHarness<>(options, MqttDeserializer.utf8(), null, 0)) {
                awaitSubscribed(reader);
                publisher.publishAll(topicOf(options), TestPublisher.numbered("a", 10));
                reader.pollUntil(10, WAIT);
                reader.awaitGauge("messagesAcknowledged", 10, WAIT);
                assertThat(reader.gauge("messagesReceived")).isEqualTo(10);
                assertThat(reader.gauge("pendingAcknowledgements")).as("acknowledged before any checkpoint").isZero();
                assertThat(reader.gauge("spoolBytes")).isPositive();

                checkpointed = reader.checkpoint(1);

                publisher.publishAll(topicOf(options), TestPublisher.numbered("b", 5));
                reader.pollUntil(15, WAIT);
                reader.awaitGauge("messagesAcknowledged", 15, WAIT);
                reader.reader.snapshotState(2); // checkpoint 2 never completes: the job "fails"
            }
            try (ReaderHarness<String> restored = new ReaderHarness<>(options, MqttDeserializer.utf8(), null, checkpointed.get(0))) {
                assertThat(restored.pollFor(Duration.ofSeconds(3)))
                        .as("exactly what came after checkpoint 1, from the spool; nothing from the broker")
                        .containsExactlyElementsOf(TestPublisher.numbered("b", 5));
                assertThat(restored.gauge("messagesReceived")).as("the broker redelivered nothing").isZero();
            }
        }
    }

    @Test
    void aRestartWithoutACheckpointReplaysTheWholeSpool(TestInfo test) throws Exception {
        MqttSourceOptions options = options(test, null);
        try (TestPublisher publisher = new TestPublisher(MQTT.host(), MQTT.port())) {
            try (ReaderHarness<String> reader = new ReaderHarness<>(options, MqttDeserializer.utf8(), null, 0)) {
                reader.awaitGauge("subscribedSessions", 1, WAIT);
                publisher.publishAll(topicOf(options), TestPublisher.numbered("a", 20));
                reader.awaitGauge("messagesAcknowledged", 20, WAIT);
            } // crashed before its first checkpoint
            try (ReaderHarness<String> again = new ReaderHarness<>(options, MqttDeserializer.utf8(), null, 0)) {
                assertThat(again.pollFor(Duration.ofSeconds(2))).containsExactlyElementsOf(TestPublisher.numbered("a", 20));
            }
        }
    }

    @Test
    void partitionedSessionsEachKeepTheirOwnTopicsAndTogetherAll(TestInfo test) throws Exception {
        String name = test.getTestMethod().orElseThrow().getName();
        MqttSourceOptions options = options(test, "reader/" + name + "/+");
        try (TestPublisher publisher = new TestPublisher(MQTT.host(), MQTT.port());
             ReaderHarness<String> first = new ReaderHarness<>(options, MqttDeserializer.utf8(), null, new MqttSessionSplit(0, 2));
             ReaderHarness<String> second = new ReaderHarness<>(options, MqttDeserializer.utf8(), null, new MqttSessionSplit(1, 2))) {
            first.awaitGauge("subscribedSessions", 1, WAIT);
            second.awaitGauge("subscribedSessions", 1, WAIT);
            List<String> all = new ArrayList<>();
            for (int device = 0; device < 16; device++) {
                List<String> payloads = TestPublisher.numbered("d" + device, 10);
                publisher.publishAll("reader/" + name + "/d" + device, payloads);
                all.addAll(payloads);
            }
            first.awaitGauge("messagesAcknowledged", 160, WAIT);
            second.awaitGauge("messagesAcknowledged", 160, WAIT);
            List<String> a = first.pollFor(Duration.ofSeconds(1));
            List<String> b = second.pollFor(Duration.ofSeconds(1));
            assertThat(a).isNotEmpty();
            assertThat(b).isNotEmpty();
            Set<String> union = new HashSet<>(a);
            union.addAll(b);
            assertThat(a.size() + b.size()).as("no message in both").isEqualTo(160);
            assertThat(union).containsExactlyInAnyOrderElementsOf(all);
            assertThat(first.gauge("messagesSkipped")).isEqualTo(b.size());
            assertThat(second.gauge("messagesSkipped")).isEqualTo(a.size());
        }
    }

    @Test
    void deadLettersAreCountedAndTheValidTrafficFlowsOn(TestInfo test) throws Exception {
        MqttSourceOptions options = options(test, null);
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
        try (TestPublisher publisher = new TestPublisher(MQTT.host(), MQTT.port());
             ReaderHarness<String> reader = new ReaderHarness<>(options, numbersOnly, (m, reason) -> "DEAD " + reason, 0)) {
            reader.awaitGauge("subscribedSessions", 1, WAIT);
            publisher.publish(topicOf(options), "1");
            publisher.publish(topicOf(options), "two");
            publisher.publish(topicOf(options), "3");
            reader.pollUntil(3, WAIT);
            assertThat(reader.records).containsExactly("1", "DEAD For input string: \"two\"", "3");
            assertThat(reader.counter("deadLetters")).isEqualTo(1);
            assertThat(reader.metrics.getCounter("numRecordsInErrors").orElseThrow().getCount()).isEqualTo(1);
            reader.awaitGauge("messagesAcknowledged", 3, WAIT);
        }
    }
}

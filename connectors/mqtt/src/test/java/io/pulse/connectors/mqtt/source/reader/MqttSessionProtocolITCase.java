package io.pulse.connectors.mqtt.source.reader;

import io.pulse.connectors.mqtt.MqttDeserializer;
import io.pulse.connectors.mqtt.MqttMessage;
import io.pulse.connectors.mqtt.source.MqttSource;
import io.pulse.connectors.mqtt.source.MqttSourceOptions;
import io.pulse.connectors.mqtt.source.split.MqttSessionSplit;
import io.pulse.testservers.MosquittoServer;

import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt5.Mqtt5BlockingClient;
import com.hivemq.client.mqtt.mqtt5.Mqtt5Client;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.util.Collector;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The session's own MQTT 5 client against a real Mosquitto, for what the other tests do not send:
 * QoS 0 and QoS 2 (PUBREC after the commit, PUBREL answered with PUBCOMP), content type and user
 * properties, and a broker that has nothing left to redeliver afterwards.
 */
class MqttSessionProtocolITCase {

    @RegisterExtension
    static final MosquittoServer MQTT = MosquittoServer.create();

    private static final Duration WAIT = Duration.ofSeconds(20);

    /** Renders what a deserializer sees of a message, properties included. */
    private static final MqttDeserializer<String> DESCRIBED = new MqttDeserializer<>() {
        @Override
        public void deserialize(MqttMessage message, Collector<String> out) {
            out.collect(message.payloadAsString() + " qos=" + message.qos() + " type=" + message.contentType()
                    + " properties=" + new TreeMap<>(message.userProperties()));
        }

        @Override
        public TypeInformation<String> getProducedType() {
            return Types.STRING;
        }
    };

    @Test
    void qos0And2MessagesArriveOnceWithTheirPropertiesAndNothingIsLeftToRedeliver() throws Exception {
        MqttSourceOptions options = MqttSource.<String>builder()
                .brokerUri(MQTT.uri())
                .topic("protocol/two", 2)
                .topic("protocol/zero", 0)
                .clientIdPrefix("protocol")
                .spoolDirectory(MQTT.newSpoolDirectory())
                .deserializer(DESCRIBED)
                .build()
                .options();
        Mqtt5BlockingClient publisher = Mqtt5Client.builder().identifier("protocol-publisher")
                .serverHost(MQTT.host()).serverPort(MQTT.port()).buildBlocking();
        publisher.connect();
        List<String> expected = new ArrayList<>();
        List<MqttSessionSplit> checkpointed;
        try (ReaderHarness<String> reader = new ReaderHarness<>(options, DESCRIBED, null, 0)) {
            reader.awaitGauge("subscribedSessions", 1, WAIT);
            for (int i = 0; i < 50; i++) {
                publisher.publishWith().topic("protocol/two").qos(MqttQos.EXACTLY_ONCE)
                        .contentType("application/json").userProperties().add("site", "north").add("n", "" + i).applyUserProperties()
                        .payload(("two-" + i).getBytes(StandardCharsets.UTF_8)).send();
                expected.add("two-" + i + " qos=2 type=application/json properties={n=" + i + ", site=north}");
            }
            publisher.publishWith().topic("protocol/zero").qos(MqttQos.AT_MOST_ONCE)
                    .payload("zero".getBytes(StandardCharsets.UTF_8)).send();
            expected.add("zero qos=0 type=null properties={}");

            reader.pollUntil(51, WAIT);
            reader.awaitGauge("messagesAcknowledged", 51, WAIT);
            assertThat(reader.records).containsExactlyElementsOf(expected);
            assertThat(reader.gauge("pendingAcknowledgements")).isZero();
            checkpointed = reader.checkpoint(1);
            Thread.sleep(500); // the broker's PUBRELs, answered with PUBCOMP
        } finally {
            publisher.disconnect();
        }
        try (ReaderHarness<String> resumed = new ReaderHarness<>(options, DESCRIBED, null, checkpointed.get(0))) {
            resumed.awaitGauge("subscribedSessions", 1, WAIT);
            assertThat(resumed.pollFor(Duration.ofSeconds(2))).as("nothing redelivered by the broker, nothing replayed").isEmpty();
            assertThat(resumed.gauge("messagesReceived")).isZero();
        }
    }
}

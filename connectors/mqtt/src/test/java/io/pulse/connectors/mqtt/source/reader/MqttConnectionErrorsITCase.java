package io.pulse.connectors.mqtt.source.reader;

import io.pulse.connectors.mqtt.MqttDeserializer;
import io.pulse.connectors.mqtt.client.ConnectionState;
import io.pulse.connectors.mqtt.source.MqttSource;
import io.pulse.connectors.mqtt.source.MqttSourceOptions;
import io.pulse.connectors.mqtt.source.split.MqttSessionSplit;
import io.pulse.testservers.Await;
import io.pulse.connectors.mqtt.testing.TestPublisher;
import io.pulse.testservers.MosquittoServer;

import org.apache.flink.connector.base.source.reader.synchronization.FutureCompletingBlockingQueue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** What an operator sees when the broker refuses the source or is not there. */
class MqttConnectionErrorsITCase {

    @RegisterExtension
    static final MosquittoServer SECURED = MosquittoServer.create().withUser("pulse", "right-password");

    private static MqttSourceOptions options(String brokerUri, String password) {
        return MqttSource.<String>builder()
                .brokerUri(brokerUri)
                .credentials("pulse", password)
                .topic("errors/test")
                .clientIdPrefix("errors")
                .reconnectBackoff(Duration.ofMillis(100), Duration.ofMillis(400))
                .deserializer(MqttDeserializer.utf8())
                .build()
                .options();
    }

    @Test
    void refusedCredentialsAreReportedWithBrokerAndReasonCodeAndRetried() throws Exception {
        FutureCompletingBlockingQueue<Delivery> handover = new FutureCompletingBlockingQueue<>(10);
        try (MqttSession session = new MqttSession(options(SECURED.uri(), "wrong-password"), new MqttSessionSplit(0), handover)) {
            session.open();
            ConnectionState state = session.state();
            Await.until(Duration.ofSeconds(20), () -> state.reconnects() >= 3, () -> "reconnects: " + state.reconnects());

            assertThat(state.connected()).isFalse();
            assertThat(state.lastFailure())
                    .startsWith("MQTT broker " + SECURED.uri() + " (client 'errors-0') refused the connection: ")
                    .containsAnyOf("BAD_USER_NAME_OR_PASSWORD (0x86)", "NOT_AUTHORIZED (0x87)")
                    .endsWith("check mqtt.username and mqtt.password");
        }
    }

    @Test
    void aBrokerThatIsDownIsReportedRetriedAndUsedOnceItIsBack() throws Exception {
        FutureCompletingBlockingQueue<Delivery> handover = new FutureCompletingBlockingQueue<>(10);
        SECURED.kill();
        try (MqttSession session = new MqttSession(options(SECURED.uri(), "right-password"), new MqttSessionSplit(0), handover)) {
            session.open();
            ConnectionState state = session.state();
            Await.until(Duration.ofSeconds(20), () -> state.reconnects() >= 3, () -> "reconnects: " + state.reconnects());
            assertThat(state.lastFailure())
                    .isEqualTo("MQTT broker " + SECURED.uri() + " (client 'errors-0') is unreachable: Connection refused");

            SECURED.start(); // same port
            Await.until(Duration.ofSeconds(20), state::connected, () -> "still: " + state.lastFailure());
            Thread.sleep(500); // the subscription follows the connection
            try (TestPublisher publisher = new TestPublisher(SECURED.host(), SECURED.port(), "pulse", "right-password")) {
                publisher.publish("errors/test", "back");
            }
            Await.until(Duration.ofSeconds(10), () -> !handover.isEmpty(), () -> "no message after the broker came back");
            assertThat(handover.poll().toMessage().payloadAsString()).isEqualTo("back");
        }
    }
}

package io.pulse.connectors.mqtt.source.reader;

import io.pulse.connectors.mqtt.MqttDeserializer;
import io.pulse.connectors.mqtt.client.ConnectionState;
import io.pulse.connectors.mqtt.source.MqttSource;
import io.pulse.connectors.mqtt.source.MqttSourceOptions;
import io.pulse.connectors.mqtt.source.split.MqttSessionSplit;
import io.pulse.connectors.mqtt.source.spool.SessionSpool;
import io.pulse.testservers.Await;
import io.pulse.connectors.mqtt.testing.TestPublisher;
import io.pulse.testservers.MosquittoServer;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
                .spoolDirectory(SECURED.newSpoolDirectory())
                .reconnectBackoff(Duration.ofMillis(100), Duration.ofMillis(400))
                .deserializer(MqttDeserializer.utf8())
                .build()
                .options();
    }

    private static MqttSession session(MqttSourceOptions options) throws Exception {
        MqttSessionSplit split = new MqttSessionSplit(0, 1);
        SessionSpool spool = SessionSpool.open(options.spoolFolder(split.clientId(options.clientIdPrefix())), null, options.spoolSettings());
        return new MqttSession(options, split, spool, () -> {});
    }

    @Test
    void refusedCredentialsAreReportedWithBrokerAndReasonCodeAndRetried() throws Exception {
        try (MqttSession session = session(options(SECURED.uri(), "wrong-password"))) {
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
        MqttSourceOptions options = options(SECURED.uri(), "right-password");
        SECURED.kill();
        try (MqttSession session = session(options)) {
            session.open();
            ConnectionState state = session.state();
            Await.until(Duration.ofSeconds(20), () -> state.reconnects() >= 3, () -> "reconnects: " + state.reconnects());
            assertThat(state.lastFailure())
                    .isEqualTo("MQTT broker " + SECURED.uri() + " (client 'errors-0') is unreachable: Connection refused");

            SECURED.start(); // same port
            Await.until(Duration.ofSeconds(20), state::connected, () -> "still: " + state.lastFailure());
            Await.until(Duration.ofSeconds(10), state::subscribed, () -> "not subscribed again");
            try (TestPublisher publisher = new TestPublisher(SECURED.host(), SECURED.port(), "pulse", "right-password")) {
                publisher.publish("errors/test", "back");
            }
            Await.until(Duration.ofSeconds(10), () -> session.spool().hasNext(), () -> "no message after the broker came back");
            assertThat(session.spool().next().payloadAsString()).isEqualTo("back");
        }
    }

    @Test
    void aSpoolThatCannotBeWrittenStopsTheSessionAndFailsTheTaskWithoutAcknowledging() throws Exception {
        MqttSourceOptions options = options(SECURED.uri(), "right-password");
        try (MqttSession session = session(options);
             TestPublisher publisher = new TestPublisher(SECURED.host(), SECURED.port(), "pulse", "right-password")) {
            session.open();
            Await.until(Duration.ofSeconds(20), session.state()::subscribed, () -> "not subscribed: " + session.state().lastFailure());
            session.spool().close(); // the disk is gone, as far as the session can tell
            publisher.publish("errors/test", "lost?");
            Await.until(Duration.ofSeconds(10), () -> {
                try {
                    session.checkFailure();
                    return false;
                } catch (java.io.IOException expected) {
                    return true;
                }
            }, () -> "no failure reported");
            assertThatThrownBy(session::checkFailure).hasMessageContaining("cannot write its spool")
                    .hasMessageContaining("nothing unwritten was acknowledged");
            assertThat(session.acknowledged()).isZero();
        }
    }

    @Test
    void aClosedSessionLetsTheClientReleaseItsThreads() throws Exception {
        // A TaskManager outlives many jobs: the client's event loop must not outlive the session that
        // closed (with the callback API it stayed for the 7-day session expiry, and kept a JVM alive).
        MqttSourceOptions options = options(SECURED.uri(), "right-password");
        try (MqttSession session = session(options)) {
            session.open();
            Await.until(Duration.ofSeconds(20), session.state()::subscribed, () -> "not subscribed: " + session.state().lastFailure());
        }
        Await.until(Duration.ofSeconds(15), () -> clientThreads() == 0, () -> clientThreads() + " client threads alive");
    }

    private static long clientThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.isAlive() && !t.isDaemon() && t.getName().startsWith("com.hivemq.client.mqtt"))
                .count();
    }
}

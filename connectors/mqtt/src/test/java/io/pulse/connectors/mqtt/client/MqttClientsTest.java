package io.pulse.connectors.mqtt.client;

import static org.assertj.core.api.Assertions.assertThat;

import io.pulse.connectors.mqtt.MqttConnectionOptions;

import com.hivemq.client.mqtt.MqttClientTransportConfig;
import org.junit.jupiter.api.Test;

import java.util.concurrent.TimeUnit;

/**
 * The clients' transport follows the broker URI (TLS for ssl://, with the connect timeouts); the
 * clients of one broker fail and retry in step: one of them logs each attempt's failure.
 */
class MqttClientsTest {

    @Test
    void anSslBrokerGetsATlsTransportWithTheConnectTimeouts() {
        MqttClientTransportConfig tls = transport("ssl://broker.example:8883");
        assertThat(tls.getSslConfig()).as("TLS for ssl://").isPresent();
        assertThat(tls.getServerAddress().getHostString()).isEqualTo("broker.example");
        assertThat(tls.getServerAddress().getPort()).isEqualTo(8883);
        assertThat(tls.getSocketConnectTimeoutMs()).isEqualTo(TimeUnit.SECONDS.toMillis(MqttClients.CONNECT_TIMEOUT_SECONDS));
        assertThat(tls.getMqttConnectTimeoutMs()).isEqualTo(TimeUnit.SECONDS.toMillis(MqttClients.CONNECT_TIMEOUT_SECONDS));

        MqttClientTransportConfig plain = transport("tcp://broker.example:1883");
        assertThat(plain.getSslConfig()).as("plain TCP for tcp://").isEmpty();
        assertThat(plain.getServerAddress().getPort()).isEqualTo(1883);
    }

    private static MqttClientTransportConfig transport(String uri) {
        return MqttClients.build(MqttConnectionOptions.of(uri, "user", "secret", null, null), "test-client",
                ReconnectBackoff.DEFAULT, new ConnectionState(), () -> true, () -> {}).getConfig().getTransportConfig();
    }

    @Test
    void theSameFailureAtTheSameAttemptIsLoggedOnce() {
        String failure = "MQTT broker tcp://127.0.0.1:1 is unreachable: Connection refused (" + System.nanoTime() + ")";
        assertThat(MqttClients.firstToLog(failure + "|1")).isTrue();
        assertThat(MqttClients.firstToLog(failure + "|1")).as("another client, same attempt").isFalse();
        assertThat(MqttClients.firstToLog(failure + "|2")).as("the next attempt").isTrue();
        assertThat(MqttClients.firstToLog("another failure|1")).isTrue();
    }
}

package io.pulse.connectors.mqtt.client;

import com.hivemq.client.mqtt.exceptions.ConnectionFailedException;
import org.junit.jupiter.api.Test;

import java.net.ConnectException;

import static org.assertj.core.api.Assertions.assertThat;

/** The CONNACK cases are covered against a real broker in MqttConnectionErrorsITCase. */
class ConnectionFailureTest {

    @Test
    void unreachableBrokerNamesBrokerClientAndRootCause() {
        String line = ConnectionFailure.describe("tcp://127.0.0.1:1", "pulse-0",
                new ConnectionFailedException(new ConnectException("Connection refused")));
        assertThat(line).isEqualTo("MQTT broker tcp://127.0.0.1:1 (client 'pulse-0') is unreachable: Connection refused");
    }
}

package io.pulse.connectors.mqtt.client;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The clients of one broker fail and retry in step: one of them logs each attempt's failure. */
class MqttClientsTest {

    @Test
    void theSameFailureAtTheSameAttemptIsLoggedOnce() {
        String failure = "MQTT broker tcp://127.0.0.1:1 is unreachable: Connection refused (" + System.nanoTime() + ")";
        assertThat(MqttClients.firstToLog(failure + "|1")).isTrue();
        assertThat(MqttClients.firstToLog(failure + "|1")).as("another client, same attempt").isFalse();
        assertThat(MqttClients.firstToLog(failure + "|2")).as("the next attempt").isTrue();
        assertThat(MqttClients.firstToLog("another failure|1")).isTrue();
    }
}

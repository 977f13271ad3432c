package io.pulse.connectors.mqtt.source;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class MqttSubscriptionsTest {

    @Test
    void aCancelledJobsLateCloseLeavesTheNextStartUnderTheSamePrefix() {
        String prefix = "subscriptions-test";
        MqttSubscriptions.Started first = MqttSubscriptions.sourceStarted(prefix, 1);
        MqttSubscriptions.Started second = MqttSubscriptions.sourceStarted(prefix, 2);
        MqttSubscriptions.sourceClosed(prefix, first);
        assertThat(MqttSubscriptions.status()).containsEntry(prefix, "0/2");
        MqttSubscriptions.sourceClosed(prefix, second);
        assertThat(MqttSubscriptions.status()).doesNotContainKey(prefix);
    }
}

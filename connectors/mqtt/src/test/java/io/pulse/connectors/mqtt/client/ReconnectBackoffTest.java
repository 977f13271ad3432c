package io.pulse.connectors.mqtt.client;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ReconnectBackoffTest {

    @Test
    void doublesUpToTheCap() {
        ReconnectBackoff backoff = new ReconnectBackoff(Duration.ofMillis(500), Duration.ofSeconds(30));
        assertThat(backoff.delayMillis(0)).isEqualTo(500);
        assertThat(backoff.delayMillis(1)).isEqualTo(1_000);
        assertThat(backoff.delayMillis(5)).isEqualTo(16_000);
        assertThat(backoff.delayMillis(6)).isEqualTo(30_000);
        assertThat(backoff.delayMillis(10_000)).isEqualTo(30_000);
    }

    @Test
    void refusesNonsense() {
        assertThatThrownBy(() -> new ReconnectBackoff(Duration.ZERO, Duration.ofSeconds(1))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ReconnectBackoff(Duration.ofSeconds(2), Duration.ofSeconds(1))).isInstanceOf(IllegalArgumentException.class);
    }
}

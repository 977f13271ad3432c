package io.pulse.connectors.influxdb.write;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RetryPolicyTest {

    @Test
    void doublesUpToTheCap() {
        RetryPolicy policy = new RetryPolicy(10, Duration.ofMillis(200), Duration.ofSeconds(5));
        assertThat(policy.backoffMillis(0)).isEqualTo(200);
        assertThat(policy.backoffMillis(1)).isEqualTo(400);
        assertThat(policy.backoffMillis(4)).isEqualTo(3_200);
        assertThat(policy.backoffMillis(5)).isEqualTo(5_000);
        assertThat(policy.backoffMillis(1_000)).isEqualTo(5_000);
    }

    @Test
    void theDefaultBridgesMoreThanATenSecondOutage() {
        // 0.2 + 0.4 + 0.8 + 1.6 + 3.2 + 5 + 5 + 5 + 5 s between 10 attempts
        assertThat(RetryPolicy.DEFAULT.totalBackoff()).isEqualTo(Duration.ofMillis(26_200));
        assertThat(new RetryPolicy(1, Duration.ofMillis(1), Duration.ofMillis(1)).totalBackoff()).isZero();
    }

    @Test
    void refusesNonsense() {
        assertThatThrownBy(() -> new RetryPolicy(0, Duration.ofMillis(1), Duration.ofMillis(1)))
                .hasMessageContaining("maxAttempts must be >= 1");
        assertThatThrownBy(() -> new RetryPolicy(3, Duration.ZERO, Duration.ofSeconds(1)))
                .hasMessageContaining("0 < initial <= max");
        assertThatThrownBy(() -> new RetryPolicy(3, Duration.ofSeconds(2), Duration.ofSeconds(1)))
                .hasMessageContaining("0 < initial <= max");
    }
}

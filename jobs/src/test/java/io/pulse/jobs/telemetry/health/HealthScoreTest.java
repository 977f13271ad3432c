package io.pulse.jobs.telemetry.health;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class HealthScoreTest {

    private static final Instant NOW = Instant.parse("2026-03-02T08:00:00Z");
    private final HealthScore health = HealthScore.DEFAULTS;

    @Test
    void fullHealthWithoutAlerts() {
        assertThat(health.score(Set.of(), null, NOW)).isEqualTo(100);
    }

    @Test
    void deductsTheWeightOfEachOpenAlert() {
        assertThat(health.score(Set.of("OVERHEAT"), null, NOW)).isEqualTo(70);
        assertThat(health.score(Set.of("HIGH_VIBRATION"), null, NOW)).isEqualTo(80);
        assertThat(health.score(Set.of("LOW_BATTERY"), null, NOW)).isEqualTo(80);
        assertThat(health.score(Set.of("OVERHEAT", "HIGH_VIBRATION", "LOW_BATTERY"), null, NOW)).isEqualTo(30);
    }

    @Test
    void otherAlertTypesDoNotCount() {
        assertThat(health.score(Set.of("OFFLINE", "FIRE_RISK", "ANOMALY_BURST"), null, NOW)).isEqualTo(100);
        assertThat(health.score(Set.of("BATTERY_DROP"), null, NOW)).as("only its time counts").isEqualTo(100);
    }

    @Test
    void aBatteryDropCountsForFiveMinutes() {
        assertThat(health.score(Set.of(), NOW.minusSeconds(120), NOW)).isEqualTo(90);
        assertThat(health.score(Set.of(), NOW, NOW)).isEqualTo(90);
        assertThat(health.score(Set.of(), NOW.minus(Duration.ofMinutes(5)), NOW)).isEqualTo(90);
        assertThat(health.score(Set.of(), NOW.minus(Duration.ofMinutes(5)).minusMillis(1), NOW)).isEqualTo(100);
        assertThat(health.score(Set.of(), NOW.plusSeconds(1), NOW)).as("not happened yet at NOW").isEqualTo(100);
        assertThat(health.score(Set.of("OVERHEAT", "HIGH_VIBRATION", "LOW_BATTERY"), NOW.minusSeconds(1), NOW))
                .isEqualTo(20);
    }

    @Test
    void weightsAreConfigurableAndTheScoreStaysWithin0To100() {
        HealthScore harsh = new HealthScore(60, 50, 40, 30, Duration.ofMinutes(10));
        assertThat(harsh.score(Set.of("OVERHEAT", "HIGH_VIBRATION"), null, NOW)).isZero();
        assertThat(harsh.score(Set.of(), NOW.minus(Duration.ofMinutes(8)), NOW)).isEqualTo(70);
        HealthScore lenient = new HealthScore(0, 0, 0, 0, Duration.ZERO);
        assertThat(lenient.score(Set.of("OVERHEAT", "HIGH_VIBRATION", "LOW_BATTERY"), NOW, NOW)).isEqualTo(100);
    }

    @Test
    void refusesNegativeWeights() {
        assertThatThrownBy(() -> new HealthScore(-1, 20, 20, 10, Duration.ofMinutes(5))).hasMessageContaining("negative");
        assertThatThrownBy(() -> new HealthScore(30, 20, 20, 10, Duration.ofMinutes(-5))).hasMessageContaining("negative");
    }
}

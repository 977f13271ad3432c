package io.pulse.jobs.telemetry.quality;

import io.pulse.jobs.telemetry.Reading;

import org.apache.flink.util.InstantiationUtil;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The small pure pieces: settings, lateness, the seen-times set, the rejected payload. */
class QualityBasicsTest {

    @Test
    void defaultsAreTheContracts() {
        QualitySettings d = QualitySettings.DEFAULTS;
        assertThat(d.allowedLateness()).isZero();
        assertThat(d.zWindow()).isEqualTo(20);
        assertThat(d.zThreshold()).isEqualTo(3.0);
        assertThat(d.dedupHorizon()).isEqualTo(Duration.ofSeconds(30));
        assertThat(d.historyRetention()).isEqualTo(Duration.ofHours(24));
        assertThat(d.withZWindow(10).withZThreshold(2.5).zWindow()).isEqualTo(10);
    }

    @Test
    void settingsRefuseWhatCannotWork() {
        QualitySettings d = QualitySettings.DEFAULTS;
        assertThatThrownBy(() -> d.withAllowedLateness(Duration.ofSeconds(-1))).hasMessageContaining("lateness");
        assertThatThrownBy(() -> d.withAllowedLateness(Duration.ofMinutes(1))).hasMessageContaining("dedup horizon");
        assertThatThrownBy(() -> d.withZWindow(1)).hasMessageContaining("window");
        assertThatThrownBy(() -> d.withZThreshold(0)).hasMessageContaining("threshold");
        assertThatThrownBy(() -> d.withHistoryRetention(Duration.ZERO)).hasMessageContaining("retention");
        assertThat(d.withDedupHorizon(Duration.ofMinutes(2)).withAllowedLateness(Duration.ofMinutes(1)).allowedLateness())
                .isEqualTo(Duration.ofMinutes(1));
    }

    @Test
    void lateMeansAtOrBehindTheWatermarkByTheAllowedLateness() {
        assertThat(Lateness.isLate(1_000, Long.MIN_VALUE, 0)).isFalse();
        assertThat(Lateness.isLate(1_000, 999, 0)).isFalse();
        assertThat(Lateness.isLate(1_000, 1_000, 0)).isTrue();
        assertThat(Lateness.isLate(1_000, 1_999, 1_000)).isFalse();
        assertThat(Lateness.isLate(1_000, 2_000, 1_000)).isTrue();
        assertThat(Lateness.isLate(Long.MAX_VALUE - 1, Long.MAX_VALUE, 5)).as("no overflow").isTrue();
        assertThat(Lateness.saturatedAdd(Long.MAX_VALUE - 1, 5)).isEqualTo(Long.MAX_VALUE);
    }

    @Test
    void aRejectedReadingIsCompactJsonWithMetricsInNameOrder() {
        Reading reading = new Reading("R1", Harnesses.at(1.25), Map.of("temperature", 82.4, "flame", 1.0, "battery", 40.0));
        String json = new String(ReadingJson.compact(reading), StandardCharsets.UTF_8);
        assertThat(json).isEqualTo(
                "{\"deviceId\":\"R1\",\"ts\":\"2026-03-02T08:00:01.250Z\",\"battery\":40.0,\"flame\":1.0,\"temperature\":82.4}");
    }

    @Test
    void theFunctionsSurviveJavaSerializationIntoTheJobGraph() throws Exception {
        QualitySettings settings = QualitySettings.DEFAULTS.withZWindow(10);
        assertThat(InstantiationUtil.clone(settings)).isEqualTo(settings);
        assertThat(InstantiationUtil.clone(new DedupAndLateFilter(settings))).isNotNull();
        assertThat(InstantiationUtil.clone(new AnomalyScorer(settings))).isNotNull();
    }
}

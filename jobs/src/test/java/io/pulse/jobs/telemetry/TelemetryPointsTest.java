package io.pulse.jobs.telemetry;

import io.pulse.connectors.influxdb.InfluxPoint;
import io.pulse.jobs.telemetry.quality.ScoredReading;

import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class TelemetryPointsTest {

    @Test
    void aReadingsRawValuesAreOnePointWithOneFieldPerMetric() {
        InfluxPoint raw = new TelemetryPoints().toPoints(new Reading("P2", 1_000, Map.of("vibration", 1.2, "temperature", 21.0)))
                .iterator().next();
        assertThat(raw.measurement()).isEqualTo("telemetry");
        assertThat(raw.tags()).containsEntry("device", "P2");
        assertThat(raw.fields()).containsOnly(Map.entry("vibration", 1.2), Map.entry("temperature", 21.0));
    }

    @Test
    void scoresGoToTheSamePointWithAnIntegerAnomalousFlag() {
        InfluxPoint spike = new ScorePoints().toPoints(new ScoredReading("P2", 1_000, Map.of("vibration", 1.2, "temperature", 21.0),
                Map.of("vibration", 7.0, "temperature", 0.5), Set.of("vibration"))).iterator().next();
        InfluxPoint raw = new TelemetryPoints().toPoints(new Reading("P2", 1_000, Map.of("vibration", 1.2))).iterator().next();
        assertThat(spike.measurement()).isEqualTo(raw.measurement());
        assertThat(spike.tags()).isEqualTo(raw.tags());
        assertThat(spike.fields()).containsOnly(Map.entry("vibration_z", 7.0), Map.entry("temperature_z", 0.5),
                Map.entry("anomalous", 1L));

        InfluxPoint calm = new ScorePoints().toPoints(new ScoredReading("P2", 2_000, Map.of("vibration", 0.2),
                Map.of("vibration", 0.1), Set.of())).iterator().next();
        assertThat(calm.fields()).containsEntry("anomalous", 0L);
    }

    @Test
    void aReadingWithoutAnyScoreAddsNoPoint() {
        assertThat(new ScorePoints().toPoints(new ScoredReading("P2", 1_000, Map.of("vibration", 1.2), Map.of(), Set.of())))
                .isEmpty();
    }
}

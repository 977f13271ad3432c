package io.pulse.jobs.telemetry;

import io.pulse.connectors.influxdb.InfluxPoint;
import io.pulse.jobs.telemetry.quality.ScoredReading;

import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class TelemetryPointsTest {

    private static InfluxPoint point(ScoredReading reading) {
        return new TelemetryPoints().toPoints(reading).iterator().next();
    }

    @Test
    void aScoredReadingCarriesItsScoresAndAnIntegerAnomalousFlag() {
        InfluxPoint spike = point(new ScoredReading("P2", 1_000, Map.of("vibration", 1.2, "temperature", 21.0),
                Map.of("vibration", 7.0, "temperature", 0.5), Set.of("vibration")));
        assertThat(spike.tags()).containsEntry("device", "P2");
        assertThat(spike.fields()).containsEntry("vibration", 1.2).containsEntry("vibration_z", 7.0)
                .containsEntry("temperature_z", 0.5).containsEntry("anomalous", 1L);

        InfluxPoint calm = point(new ScoredReading("P2", 2_000, Map.of("vibration", 0.2), Map.of("vibration", 0.1), Set.of()));
        assertThat(calm.fields()).containsEntry("anomalous", 0L);
    }

    @Test
    void aReadingWithoutAnyScoreHasNoAnomalousField() {
        InfluxPoint early = point(new ScoredReading("P2", 1_000, Map.of("vibration", 1.2), Map.of(), Set.of()));
        assertThat(early.fields()).containsOnlyKeys("vibration");
    }
}

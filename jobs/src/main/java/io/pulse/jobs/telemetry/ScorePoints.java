package io.pulse.jobs.telemetry;

import io.pulse.connectors.influxdb.InfluxPoint;
import io.pulse.connectors.influxdb.InfluxPointMapper;
import io.pulse.connectors.influxdb.InfluxPrecision;
import io.pulse.jobs.telemetry.quality.ScoredReading;

import java.util.List;
import java.util.Map;

/**
 * A scored reading's scores, added to the point {@link TelemetryPoints} wrote for its raw values
 * (same measurement, tag and time): one {@code <metric>_z} per anomaly score and the integer
 * {@code anomalous} (1 when a score reached the threshold), whose mean is the fleet dashboard's
 * anomaly rate. A reading without any score (too little history) adds nothing.
 */
public final class ScorePoints implements InfluxPointMapper<ScoredReading> {

    @Override
    public Iterable<InfluxPoint> toPoints(ScoredReading reading) {
        if (reading.zScores().isEmpty()) {
            return List.of();
        }
        InfluxPoint.Builder point = InfluxPoint.builder(TelemetryPoints.MEASUREMENT).tag("device", reading.deviceId());
        for (Map.Entry<String, Double> score : reading.zScores().entrySet()) {
            point.field(score.getKey() + "_z", score.getValue());
        }
        point.field("anomalous", reading.anomalous() ? 1L : 0L); // an integer, always: InfluxDB fixes a field's type
        return List.of(point.time(reading.ts(), InfluxPrecision.MILLISECONDS).build());
    }
}

package io.pulse.jobs.telemetry;

import io.pulse.connectors.influxdb.InfluxPoint;
import io.pulse.connectors.influxdb.InfluxPointMapper;
import io.pulse.connectors.influxdb.InfluxPrecision;
import io.pulse.jobs.telemetry.quality.ScoredReading;

import java.util.List;
import java.util.Map;

/**
 * The time series of a scored reading: measurement {@code telemetry}, tag {@code device}, one
 * field per metric, one {@code <metric>_z} per anomaly score and, on a reading with any score, the
 * integer {@code anomalous} (1 when a score reached the threshold): the fleet dashboard's anomaly
 * rate is its mean. Keyed by device and ts, so a replayed reading overwrites its point.
 */
public final class TelemetryPoints implements InfluxPointMapper<ScoredReading> {

    @Override
    public Iterable<InfluxPoint> toPoints(ScoredReading reading) {
        InfluxPoint.Builder point = InfluxPoint.builder("telemetry").tag("device", reading.deviceId());
        for (Map.Entry<String, Double> metric : reading.metrics().entrySet()) {
            point.field(metric.getKey(), metric.getValue());
        }
        for (Map.Entry<String, Double> score : reading.zScores().entrySet()) {
            point.field(score.getKey() + "_z", score.getValue());
        }
        if (!reading.zScores().isEmpty()) {
            point.field("anomalous", reading.anomalous() ? 1L : 0L); // an integer, always: InfluxDB fixes a field's type
        }
        return List.of(point.time(reading.ts(), InfluxPrecision.MILLISECONDS).build());
    }
}

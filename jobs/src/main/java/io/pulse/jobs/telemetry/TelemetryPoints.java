package io.pulse.jobs.telemetry;

import io.pulse.connectors.influxdb.InfluxPoint;
import io.pulse.connectors.influxdb.InfluxPointMapper;
import io.pulse.connectors.influxdb.InfluxPrecision;

import java.util.List;
import java.util.Map;

/**
 * A reading's raw values as a time series, written as soon as the reading passed dedup, without
 * waiting for the watermark: measurement {@code telemetry}, tag {@code device}, one field per
 * metric. {@link ScorePoints} later adds the scores to the same point (same series and time:
 * InfluxDB merges the fields). Keyed by device and ts, so a replayed reading overwrites its point.
 */
public final class TelemetryPoints implements InfluxPointMapper<Reading> {

    static final String MEASUREMENT = "telemetry";

    @Override
    public Iterable<InfluxPoint> toPoints(Reading reading) {
        InfluxPoint.Builder point = InfluxPoint.builder(MEASUREMENT).tag("device", reading.deviceId());
        for (Map.Entry<String, Double> metric : reading.metrics().entrySet()) {
            point.field(metric.getKey(), metric.getValue());
        }
        return List.of(point.time(reading.ts(), InfluxPrecision.MILLISECONDS).build());
    }
}

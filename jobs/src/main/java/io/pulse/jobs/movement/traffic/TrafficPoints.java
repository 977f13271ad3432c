package io.pulse.jobs.movement.traffic;

import io.pulse.connectors.influxdb.InfluxPoint;
import io.pulse.connectors.influxdb.InfluxPointMapper;
import io.pulse.connectors.influxdb.InfluxPrecision;

import java.util.List;

/**
 * Measurement {@code gate_traffic}, tag {@code gate}, at the hour's start: fields {@code entries},
 * {@code exits}, {@code randomized_sightings}; a later count of the same hour overwrites the point.
 */
public final class TrafficPoints implements InfluxPointMapper<GateTraffic> {

    @Override
    public Iterable<InfluxPoint> toPoints(GateTraffic t) {
        return List.of(InfluxPoint.builder("gate_traffic").tag("gate", t.gate())
                .field("entries", t.entries()).field("exits", t.exits())
                .field("randomized_sightings", t.randomizedSightings())
                .time(t.hourStart(), InfluxPrecision.MILLISECONDS).build());
    }
}

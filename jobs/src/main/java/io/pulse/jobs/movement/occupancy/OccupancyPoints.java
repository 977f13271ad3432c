package io.pulse.jobs.movement.occupancy;

import io.pulse.connectors.influxdb.InfluxPoint;
import io.pulse.connectors.influxdb.InfluxPointMapper;
import io.pulse.connectors.influxdb.InfluxPrecision;

import java.util.List;

/** Measurement {@code occupancy}, tag {@code gate} ({@code *} for the campus), field {@code inside}. */
public final class OccupancyPoints implements InfluxPointMapper<Occupancy> {

    @Override
    public Iterable<InfluxPoint> toPoints(Occupancy o) {
        return List.of(InfluxPoint.builder("occupancy").tag("gate", o.gate()).field("inside", o.inside())
                .time(o.at(), InfluxPrecision.MILLISECONDS).build());
    }
}

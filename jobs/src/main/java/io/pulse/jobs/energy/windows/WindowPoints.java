package io.pulse.jobs.energy.windows;

import io.pulse.connectors.influxdb.InfluxPoint;
import io.pulse.connectors.influxdb.InfluxPointMapper;
import io.pulse.connectors.influxdb.InfluxPrecision;

import java.util.List;

/**
 * A window row as a point at its start: measurement {@code energy_5min}, tag {@code meter}, fields
 * {@code energy_wh}, {@code coverage}, {@code samples} and the averages that exist. An update of
 * the window overwrites its point.
 */
public final class WindowPoints implements InfluxPointMapper<EnergyWindow> {

    @Override
    public Iterable<InfluxPoint> toPoints(EnergyWindow w) {
        InfluxPoint.Builder point = InfluxPoint.builder("energy_5min").tag("meter", w.meterId())
                .field("energy_wh", w.energyWh())
                .field("coverage", w.coverage())
                .field("samples", (long) w.samples());
        optional(point, "avg_power_w", w.avgPowerW());
        optional(point, "min_power_w", w.minPowerW());
        optional(point, "max_power_w", w.maxPowerW());
        optional(point, "avg_voltage_v", w.avgVoltageV());
        optional(point, "avg_current_a", w.avgCurrentA());
        return List.of(point.time(w.windowStart(), InfluxPrecision.MILLISECONDS).build());
    }

    private static void optional(InfluxPoint.Builder point, String field, Double value) {
        if (value != null) {
            point.field(field, value);
        }
    }
}

package io.pulse.jobs.energy;

import io.pulse.connectors.influxdb.InfluxPoint;
import io.pulse.connectors.influxdb.InfluxPointMapper;
import io.pulse.connectors.influxdb.InfluxPrecision;

import java.util.List;

/**
 * Every accepted reading at full resolution: measurement {@code meter}, tag {@code meter}, fields
 * {@code power_w} and, when sent, {@code voltage_v}, {@code current_a}, {@code energy_register_wh}.
 * Keyed by meter and ts, so a replayed reading overwrites its point.
 */
public final class MeterPoints implements InfluxPointMapper<MeterReading> {

    @Override
    public Iterable<InfluxPoint> toPoints(MeterReading reading) {
        InfluxPoint.Builder point = InfluxPoint.builder("meter").tag("meter", reading.meterId())
                .field("power_w", reading.powerW());
        if (reading.hasVoltage()) {
            point.field("voltage_v", reading.voltageV());
        }
        if (reading.hasCurrent()) {
            point.field("current_a", reading.currentA());
        }
        if (reading.hasEnergyRegister()) {
            point.field("energy_register_wh", reading.energyRegisterWh());
        }
        return List.of(point.time(reading.ts(), InfluxPrecision.MILLISECONDS).build());
    }
}

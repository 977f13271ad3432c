package io.pulse.jobs.energy.windows;

import io.pulse.jobs.storage.UpsertTable;

import java.time.Instant;

/**
 * One meter's 5-minute window, as in {@code energy_5min}. The figures that need readings or
 * integrated time are null without them. {@code integratedMs} is kept for the daily totals.
 */
public record EnergyWindow(String meterId, long windowStart, long windowEnd, double energyWh,
                           Double avgPowerW, Double minPowerW, Double maxPowerW,
                           Double avgVoltageV, Double avgCurrentA, int samples, double coverage,
                           long integratedMs) {

    public static final UpsertTable<EnergyWindow> TABLE = UpsertTable.<EnergyWindow>into("energy_5min")
            .key("meter_id", EnergyWindow::meterId)
            .key("window_start", w -> Instant.ofEpochMilli(w.windowStart()))
            .column("window_end", w -> Instant.ofEpochMilli(w.windowEnd()))
            .column("energy_wh", EnergyWindow::energyWh)
            .column("avg_power_w", EnergyWindow::avgPowerW)
            .column("min_power_w", EnergyWindow::minPowerW)
            .column("max_power_w", EnergyWindow::maxPowerW)
            .column("avg_voltage_v", EnergyWindow::avgVoltageV)
            .column("avg_current_a", EnergyWindow::avgCurrentA)
            .column("samples", EnergyWindow::samples)
            .column("coverage", EnergyWindow::coverage)
            .build();

    /** Nothing to report: no reading in the window and nothing integrated. */
    public boolean empty() {
        return samples == 0 && integratedMs == 0;
    }
}

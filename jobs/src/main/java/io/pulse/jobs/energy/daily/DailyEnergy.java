package io.pulse.jobs.energy.daily;

import io.pulse.jobs.storage.UpsertTable;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * A meter's (or the campus's) energy on one UTC day, as in {@code energy_daily}.
 *
 * @param peakPowerW the highest average power over an aligned quarter hour: its energy × 4
 * @param peakAt     the start of that quarter hour (epoch ms)
 * @param coverage   integrated seconds / 86,400, averaged over the meters for the campus row
 */
public record DailyEnergy(String meterId, long day, double energyWh, double peakPowerW, long peakAt,
                          double coverage) {

    public static final UpsertTable<DailyEnergy> TABLE = UpsertTable.<DailyEnergy>into("energy_daily")
            .key("meter_id", DailyEnergy::meterId)
            .key("day", DailyEnergy::date)
            .column("energy_wh", DailyEnergy::energyWh)
            .column("peak_power_w", DailyEnergy::peakPowerW)
            .column("peak_at", d -> Instant.ofEpochMilli(d.peakAt()))
            .column("coverage", DailyEnergy::coverage)
            .build();

    public LocalDate date() {
        return Instant.ofEpochMilli(day).atOffset(ZoneOffset.UTC).toLocalDate();
    }
}

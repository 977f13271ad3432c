package io.pulse.launcher.demo.summary;

import java.time.Instant;

/**
 * One meter: its latest power reading in the time-series store, the current 5-minute window so far
 * (integrated here from the stored readings, partial until it ends) and the latest closed window
 * the energy job wrote to {@code energy_5min}. Parts not there yet are null.
 */
public record MeterLine(String meterId, Double powerW, Instant powerAt, Window current, Window closed) {

    /** A 5-minute window's figures; {@code avgPowerW} is null when nothing was integrated. */
    public record Window(Instant start, Instant end, double energyWh, Double avgPowerW, double coverage,
                         int samples) {
    }
}

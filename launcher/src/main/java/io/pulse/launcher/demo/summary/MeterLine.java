package io.pulse.launcher.demo.summary;

import java.time.Instant;

/** A meter's latest 5-minute window in {@code energy_5min} (the window may still be filling). */
public record MeterLine(String meterId, Instant windowStart, double energyWh, Double avgPowerW, double coverage,
                        int samples) {
}

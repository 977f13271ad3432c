package io.pulse.jobs.energy.daily;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A day's row from its 5-minute windows (of one meter, or of every meter for the campus): total
 * energy, peak demand on the aligned quarter-hour grid (the energy of a quarter hour × 4: the
 * average power over the whole quarter hour, as utilities bill demand) and coverage. Pure.
 */
public final class DayMath {

    public static final long DAY_MS = 86_400_000L;

    /** One window's share: which meter, when it starts, its energy and integrated time. */
    public record Part(String meterId, long windowStart, double energyWh, long integratedMs) {}

    private DayMath() {}

    public static long dayOf(long ts) {
        return Math.floorDiv(ts, DAY_MS) * DAY_MS;
    }

    /**
     * @param parts the day's windows, in (windowStart, meterId) order so sums are reproducible
     * @param peakMs the peak demand interval, e.g. 15 minutes
     */
    public static DailyEnergy day(String meterId, long day, List<Part> parts, long peakMs) {
        double energy = 0;
        long integratedMs = 0;
        Map<Long, Double> quarters = new TreeMap<>();
        Map<String, Boolean> meters = new TreeMap<>();
        for (Part part : parts) {
            energy += part.energyWh();
            integratedMs += part.integratedMs();
            quarters.merge(Math.floorDiv(part.windowStart(), peakMs) * peakMs, part.energyWh(), Double::sum);
            meters.put(part.meterId(), true);
        }
        double peak = Double.NEGATIVE_INFINITY;
        long peakAt = day;
        for (Map.Entry<Long, Double> quarter : quarters.entrySet()) {
            double demand = quarter.getValue() * 3_600_000.0 / peakMs; // Wh per interval → W
            if (demand > peak) {
                peak = demand;
                peakAt = quarter.getKey();
            }
        }
        double coverage = integratedMs / (double) DAY_MS / Math.max(1, meters.size());
        return new DailyEnergy(meterId, day, energy, peak, peakAt, coverage);
    }
}

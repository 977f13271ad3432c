package io.pulse.jobs.energy.windows;

import io.pulse.jobs.energy.integration.MeterHistory;

/**
 * Computes a window of a meter from its settled part (see {@link MeterHistory#settled}) and its
 * raw readings, in ts order, so the result does not depend on the order in which readings arrived
 * (or on a restart).
 */
public final class WindowFigures {

    private WindowFigures() {}

    /**
     * @param maxGapMs intervals longer than this are gaps: not integrated
     */
    public static EnergyWindow compute(String meterId, MeterHistory h, long start, long end, long maxGapMs) {
        WindowAccumulator settled = h.settledOf(start);
        WindowAccumulator w = settled == null ? new WindowAccumulator(start) : settled.copy();
        int first = h.firstAtOrAfter(start);
        // The interval that crosses into the window starts at the reading before it.
        for (int j = Math.max(first - 1, 0); j + 1 < h.size && h.ts[j] < end; j++) {
            if (h.ts[j + 1] - h.ts[j] <= maxGapMs) {
                w.addInterval(h.ts[j], h.power[j], h.ts[j + 1], h.power[j + 1], end);
            }
        }
        for (int j = first; j < h.size && h.ts[j] < end; j++) {
            w.addSample(h.power[j], h.voltage[j], h.current[j]);
        }
        return w.toWindow(meterId, end);
    }
}

package io.pulse.jobs.energy.windows;

import io.pulse.jobs.energy.integration.MeterHistory;
import io.pulse.jobs.energy.integration.PowerIntegral;

/**
 * Computes a window of a meter from its sorted readings, always from scratch and in ts order, so
 * the result does not depend on the order in which readings arrived (or on a restart).
 */
public final class WindowFigures {

    private WindowFigures() {}

    /**
     * @param maxGapMs intervals longer than this are gaps: not integrated
     */
    public static EnergyWindow compute(String meterId, MeterHistory h, long start, long end, long maxGapMs) {
        double wattMillis = 0;
        long integratedMs = 0;
        int first = h.firstAtOrAfter(start);
        // The interval that crosses into the window starts at the reading before it.
        for (int j = Math.max(first - 1, 0); j + 1 < h.size && h.ts[j] < end; j++) {
            long t0 = h.ts[j];
            long t1 = h.ts[j + 1];
            if (t1 - t0 > maxGapMs) {
                continue;
            }
            wattMillis += PowerIntegral.wattMillis(t0, h.power[j], t1, h.power[j + 1], start, end);
            integratedMs += PowerIntegral.overlapMillis(t0, t1, start, end);
        }
        int samples = 0;
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        double voltageSum = 0;
        int voltages = 0;
        double currentSum = 0;
        int currents = 0;
        for (int j = first; j < h.size && h.ts[j] < end; j++) {
            samples++;
            min = Math.min(min, h.power[j]);
            max = Math.max(max, h.power[j]);
            if (!Double.isNaN(h.voltage[j])) {
                voltageSum += h.voltage[j];
                voltages++;
            }
            if (!Double.isNaN(h.current[j])) {
                currentSum += h.current[j];
                currents++;
            }
        }
        return new EnergyWindow(meterId, start, end, wattMillis / PowerIntegral.WMS_PER_WH,
                integratedMs == 0 ? null : wattMillis / integratedMs,
                samples == 0 ? null : min, samples == 0 ? null : max,
                voltages == 0 ? null : voltageSum / voltages, currents == 0 ? null : currentSum / currents,
                samples, integratedMs / (double) (end - start), integratedMs);
    }
}

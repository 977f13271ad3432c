package io.pulse.jobs.energy.windows;

import io.pulse.jobs.energy.integration.PowerIntegral;

/**
 * The running figures of one meter's window: integral (W·ms), integrated time, and the sample
 * statistics. Parts are added in ts order, always, so a window's sums come out the same
 * whichever way its readings arrived. Kept in state for the settled part of open windows
 * ({@code MeterHistorySerializer} writes its fields).
 */
public final class WindowAccumulator {

    public long start;
    public double wattMillis;
    public long integratedMs;
    public int samples;
    public double minPowerW = Double.POSITIVE_INFINITY;
    public double maxPowerW = Double.NEGATIVE_INFINITY;
    public double voltageSum;
    public int voltages;
    public double currentSum;
    public int currents;

    public WindowAccumulator() {}

    public WindowAccumulator(long start) {
        this.start = start;
    }

    public WindowAccumulator copy() {
        WindowAccumulator c = new WindowAccumulator(start);
        c.wattMillis = wattMillis;
        c.integratedMs = integratedMs;
        c.samples = samples;
        c.minPowerW = minPowerW;
        c.maxPowerW = maxPowerW;
        c.voltageSum = voltageSum;
        c.voltages = voltages;
        c.currentSum = currentSum;
        c.currents = currents;
        return c;
    }

    /** The part of the interval (t0, p0) → (t1, p1) inside this window. */
    public void addInterval(long t0, double p0, long t1, double p1, long end) {
        wattMillis += PowerIntegral.wattMillis(t0, p0, t1, p1, start, end);
        integratedMs += PowerIntegral.overlapMillis(t0, t1, start, end);
    }

    /** A reading with ts in this window; NaN voltage or current: not sent. */
    public void addSample(double powerW, double voltageV, double currentA) {
        samples++;
        minPowerW = Math.min(minPowerW, powerW);
        maxPowerW = Math.max(maxPowerW, powerW);
        if (!Double.isNaN(voltageV)) {
            voltageSum += voltageV;
            voltages++;
        }
        if (!Double.isNaN(currentA)) {
            currentSum += currentA;
            currents++;
        }
    }

    public EnergyWindow toWindow(String meterId, long end) {
        return new EnergyWindow(meterId, start, end, wattMillis / PowerIntegral.WMS_PER_WH,
                integratedMs == 0 ? null : wattMillis / integratedMs,
                samples == 0 ? null : minPowerW, samples == 0 ? null : maxPowerW,
                voltages == 0 ? null : voltageSum / voltages, currents == 0 ? null : currentSum / currents,
                samples, integratedMs / (double) (end - start), integratedMs);
    }
}

package io.pulse.jobs.energy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The scripted meters of the energy ITCases, in publish order, with the rows they must give
 * (hand-computed; 1 Wh = 3,600 W·s). Time is {@code base + seconds}, base on a quarter hour.
 *
 * <ul>
 *   <li>{prefix}1: 1200 W every 10 s over 0..900 s: windows 0..2 100 Wh each, window 3 one sample.</li>
 *   <li>{prefix}2: a ramp P = 2 W/s × t every 20 s over 0..600 s: 25 Wh, then 75 Wh, then one sample.</li>
 *   <li>{prefix}3: 500 W at 0, 30, 100, 130 s (30..100 s is a 70 s gap) and 800 W at 115 s,
 *       published about 45 s late: (0,30) 15,000 + (100,115) 9,750 + (115,130) 9,750 W·s.</li>
 *   <li>{prefix}F: 100 W every 10 s over 0..1500 s, which moves the watermark past window 3.</li>
 * </ul>
 */
public final class EnergyScenario {

    /** The windows checked: 0..3 (window 4 is never closed by the watermark). */
    public static final int CHECKED_SECONDS = 1200;

    private EnergyScenario() {}

    public record Publish(String meter, int seconds, double powerW) {}

    /** Every reading in publish order: by time, with {prefix}3's 115 s reading after the 160 s ones. */
    public static List<Publish> readings(String prefix) {
        List<Publish> out = new ArrayList<>();
        for (int s = 0; s <= 1500; s += 10) {
            if (s <= 900) {
                out.add(new Publish(prefix + "1", s, 1200));
            }
            if (s <= 600 && s % 20 == 0) {
                out.add(new Publish(prefix + "2", s, 2.0 * s));
            }
            if (s == 0 || s == 30 || s == 100 || s == 130) {
                out.add(new Publish(prefix + "3", s, 500));
            }
            if (s == 160) {
                out.add(new Publish(prefix + "3", 115, 800)); // late, but within 60 s of the watermark
            }
            out.add(new Publish(prefix + "F", s, 100));
        }
        return out;
    }

    public static String json(Publish p, Instant base) {
        return "{\"meterId\":\"" + p.meter() + "\",\"ts\":" + base.plusSeconds(p.seconds()).toEpochMilli()
                + ",\"voltage\":230.0,\"current\":" + (p.powerW() / 230.0) + ",\"power\":" + p.powerW() + "}";
    }

    public static double wh(double wattSeconds) {
        return wattSeconds * 1000 / 3_600_000.0; // as the job computes it: W·ms / 3,600,000
    }

    /** energy_5min rows as "meter|offset s|energy_wh|avg|min|max|samples|coverage". */
    public static Map<String, String> windows(String prefix) {
        Map<String, String> rows = new LinkedHashMap<>();
        for (int k = 0; k < 3; k++) {
            rows.put(prefix + "1@" + 300 * k, row(wh(1200 * 300), 1200.0, 1200, 1200, 30, 1.0));
        }
        rows.put(prefix + "1@900", row(0.0, null, 1200, 1200, 1, 0.0));
        rows.put(prefix + "2@0", row(wh(90_000), 300.0, 0, 560, 15, 1.0));
        rows.put(prefix + "2@300", row(wh(270_000), 900.0, 600, 1160, 15, 1.0));
        rows.put(prefix + "2@600", row(0.0, null, 1200, 1200, 1, 0.0));
        rows.put(prefix + "3@0", row(wh(34_500), 575.0, 500, 800, 5, 60_000 / 300_000.0));
        for (int k = 0; k < 4; k++) {
            rows.put(prefix + "F@" + 300 * k, row(wh(100 * 300), 100.0, 100, 100, 30, 1.0));
        }
        return rows;
    }

    public static String row(double energyWh, Double avg, double min, double max, int samples, double coverage) {
        return energyWh + "|" + avg + "|" + min + "|" + max + "|" + samples + "|" + coverage;
    }

    /** energy_daily figures per meter: energy, peak W, peak quarter's offset s, integrated s. */
    public record Day(double energyWh, double peakW, int peakOffset, int integratedSeconds) {}

    public static Map<String, Day> days(String prefix) {
        Map<String, Day> days = new LinkedHashMap<>();
        days.put(prefix + "1", new Day(wh(1200 * 900), 1200.0, 0, 900));
        days.put(prefix + "2", new Day(wh(90_000) + wh(270_000), wh(360_000) * 4, 0, 600));
        days.put(prefix + "3", new Day(wh(34_500), wh(34_500) * 4, 0, 60));
        days.put(prefix + "F", new Day(4 * wh(30_000), 3 * wh(30_000) * 4, 0, 1200));
        return days;
    }
}

package io.pulse.grafana;

import java.time.Duration;

/**
 * {@code $__interval}: the time range divided by the panel's data points, rounded to a "nice"
 * step, never below the minimum interval; as Grafana's interval calculator does it
 * ({@code pkg/tsdb/intervalv2}: the same steps, the same text form such as 30s, 5m, 1h, 1d).
 */
public record GrafanaInterval(Duration value) {

    /** Upper bounds of the rounding steps (ms) and the step each rounds to. */
    private static final long[][] STEPS = {
        {10, 1}, {15, 10}, {35, 20}, {75, 50}, {150, 100}, {350, 200}, {750, 500}, {1_500, 1_000},
        {3_500, 2_000}, {7_500, 5_000}, {12_500, 10_000}, {17_500, 15_000}, {25_000, 20_000}, {45_000, 30_000},
        {90_000, 60_000}, {210_000, 120_000}, {450_000, 300_000}, {750_000, 600_000}, {1_050_000, 900_000},
        {1_500_000, 1_200_000}, {2_700_000, 1_800_000}, {5_400_000, 3_600_000}, {9_000_000, 7_200_000},
        {16_200_000, 10_800_000}, {32_400_000, 21_600_000}, {86_400_000, 43_200_000}, {604_800_000, 86_400_000},
        {1_814_400_000, 604_800_000}, {3_628_800_000L - 1, 2_592_000_000L},
    };

    /**
     * @param maxDataPoints the panel's data points (its width in pixels unless it sets maxDataPoints)
     * @param minInterval   the panel's or data source's minimum interval, or zero
     */
    public static GrafanaInterval of(TimeRange range, long maxDataPoints, Duration minInterval) {
        long calculated = (range.toMillis() - range.fromMillis()) / maxDataPoints;
        if (calculated < minInterval.toMillis()) {
            return new GrafanaInterval(minInterval);
        }
        return new GrafanaInterval(Duration.ofMillis(round(calculated)));
    }

    static long round(long ms) {
        for (long[] step : STEPS) {
            if (ms <= step[0]) {
                return step[1];
            }
        }
        return 31_536_000_000L;
    }

    public long millis() {
        return value.toMillis();
    }

    /** The text form: the largest whole unit of y, d, h, m, s, ms. */
    public String text() {
        long ms = value.toMillis();
        long[] units = {31_536_000_000L, 86_400_000, 3_600_000, 60_000, 1_000, 1};
        String[] names = {"y", "d", "h", "m", "s", "ms"};
        for (int i = 0; i < units.length; i++) {
            if (ms >= units[i]) {
                return ms / units[i] + names[i];
            }
        }
        return "1ms";
    }
}

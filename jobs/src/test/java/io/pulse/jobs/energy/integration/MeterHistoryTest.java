package io.pulse.jobs.energy.integration;

import io.pulse.jobs.energy.windows.EnergyWindow;
import io.pulse.jobs.energy.windows.WindowFigures;

import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/** Settling folds old readings into their windows without changing a single bit of any window. */
class MeterHistoryTest {

    private static final long WINDOW = 300_000;
    private static final long GAP = 60_000;

    private static void add(MeterHistory h, long t, double p) {
        int at = h.find(t);
        h.insert(-at - 1, t, p, 230 + p / 1000, p / 230);
    }

    @Test
    void settledWindowsEqualWindowsComputedFromAllReadings() {
        MeterHistory all = new MeterHistory();
        MeterHistory settled = new MeterHistory();
        Random random = new Random(6);
        long t = 0;
        int maxRaw = 0;
        for (int i = 0; i < 3_000; i++) {
            t += random.nextInt(100) == 0 ? 61_000 + random.nextInt(30_000) : 500 + random.nextInt(2_500);
            double p = Math.round(random.nextDouble() * 5_000 * 10) / 10.0;
            add(all, t, p);
            add(settled, t, p);
            settled.settle(t - GAP, WINDOW, GAP); // as if the watermark were at the newest reading
            maxRaw = Math.max(maxRaw, settled.size);
        }
        for (long start = 0; start + WINDOW <= t - 2 * GAP; start += WINDOW) {
            EnergyWindow expected = WindowFigures.compute("M", all, start, start + WINDOW, GAP);
            assertThat(WindowFigures.compute("M", settled, start, start + WINDOW, GAP)).as("window at " + start).isEqualTo(expected);
        }
        assertThat(maxRaw).as("raw readings kept: about a minute's worth").isLessThanOrEqualTo((int) (GAP / 500) + 2);
    }

    @Test
    void finalWindowsGetNothingAndAreForgotten() {
        MeterHistory h = new MeterHistory();
        for (long t = 0; t <= 900_000; t += 10_000) {
            add(h, t, 100);
        }
        h.finalBefore = 300_000;
        h.settle(700_000, WINDOW, GAP);
        assertThat(h.settledOf(0)).isNull();
        assertThat(h.settledOf(300_000).samples).isEqualTo(30);
        h.forgetSettledBefore(600_000);
        assertThat(h.settledOf(300_000)).isNull();
        assertThat(h.settledOf(600_000)).isNotNull();
        assertThat(h.ts[0]).isEqualTo(700_000);
        assertThat(h.settledUntil).isEqualTo(700_000);
    }

    @Test
    void everyReadingIsARepeatUntilDroppedWhetherRawOrSettled() {
        MeterHistory h = new MeterHistory();
        for (long t = 0; t <= 900_000; t += 10_000) {
            add(h, t, 100);
        }
        h.settle(700_000, WINDOW, GAP);
        assertThat(h.isRepeat(0)).as("settled").isTrue();
        assertThat(h.isRepeat(690_000)).as("settled").isTrue();
        assertThat(h.isRepeat(700_000)).as("raw").isTrue();
        assertThat(h.isRepeat(695_000)).isFalse();
        assertThat(h.settledTimes.count).isEqualTo(70);

        h.dropBefore(540_000); // as at window 300 s's final timer
        assertThat(h.isRepeat(530_000)).isFalse();
        assertThat(h.isRepeat(540_000)).isTrue();
        assertThat(h.settledTimes.count).isEqualTo(16);
    }
}

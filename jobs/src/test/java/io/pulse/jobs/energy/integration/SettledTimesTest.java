package io.pulse.jobs.energy.integration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SettledTimesTest {

    private static final long T = 1_772_438_400_000L; // an epoch-ms time of today's size

    @Test
    void anEmptyLogContainsNothingAndDropsNothing() {
        SettledTimes times = new SettledTimes();
        assertThat(times.contains(T)).isFalse();
        times.dropBefore(T);
        assertThat(times.count).isZero();
    }

    @Test
    void containsExactlyTheAppendedTimes() {
        SettledTimes times = new SettledTimes();
        for (long t = T; t < T + 600_000; t += 1_000) {
            times.append(t);
        }
        assertThat(times.count).isEqualTo(600);
        assertThat(times.length).as("2 bytes per gap of 1,000 ms").isEqualTo(599 * 2);
        assertThat(times.contains(T)).isTrue();
        assertThat(times.contains(T + 599_000)).isTrue();
        assertThat(times.contains(T + 300_000)).isTrue();
        assertThat(times.contains(T + 300_001)).isFalse();
        assertThat(times.contains(T - 1_000)).isFalse();
        assertThat(times.contains(T + 600_000)).isFalse();
    }

    @Test
    void gapsOfAnySizeRoundTrip() {
        long[] gaps = {1, 127, 128, 16_383, 16_384, 86_400_000L, 1L << 40};
        SettledTimes times = new SettledTimes();
        long t = T;
        times.append(t);
        for (long gap : gaps) {
            t += gap;
            times.append(t);
        }
        t = T;
        for (long gap : gaps) {
            assertThat(times.contains(t + gap - 1)).as("just before " + (t + gap)).isEqualTo(gap == 1);
            t += gap;
            assertThat(times.contains(t)).as("after a gap of " + gap).isTrue();
        }
    }

    @Test
    void aTimeNotAfterTheLastIsIgnored() {
        SettledTimes times = new SettledTimes();
        times.append(T + 10);
        times.append(T + 10);
        times.append(T + 5);
        assertThat(times.count).isEqualTo(1);
        assertThat(times.contains(T + 5)).isFalse();
    }

    @Test
    void dropBeforeKeepsTheLaterTimesAndGivesBackSpace() {
        SettledTimes times = new SettledTimes();
        for (long t = T; t < T + 1_000_000; t += 1_000) {
            times.append(t);
        }
        int grownTo = times.gaps.length;
        times.dropBefore(T + 900_500);
        assertThat(times.count).isEqualTo(99);
        assertThat(times.first).isEqualTo(T + 901_000);
        assertThat(times.contains(T + 900_000)).isFalse();
        assertThat(times.contains(T + 901_000)).isTrue();
        assertThat(times.contains(T + 999_000)).isTrue();
        assertThat(times.gaps.length).as("shrunk").isLessThan(grownTo);

        times.append(T + 1_000_000);
        assertThat(times.contains(T + 1_000_000)).as("appending after a drop").isTrue();
        times.dropBefore(T + 2_000_000);
        assertThat(times.count).isZero();
        assertThat(times.contains(T + 1_000_000)).isFalse();
        times.append(T + 5);
        assertThat(times.contains(T + 5)).as("a fresh start").isTrue();
    }
}

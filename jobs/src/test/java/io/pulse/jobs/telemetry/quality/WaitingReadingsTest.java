package io.pulse.jobs.telemetry.quality;

import io.pulse.jobs.telemetry.Reading;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class WaitingReadingsTest {

    @Test
    void keepsReadingsInTimeOrderWhateverTheOrderTheyCameIn() {
        WaitingReadings waiting = new WaitingReadings();
        for (long ts : new long[] {30, 10, 50, 20, 40}) {
            waiting.add(reading(ts, ts));
        }
        assertThat(times(waiting)).containsExactly(10L, 20L, 30L, 40L, 50L);
    }

    @Test
    void aSecondReadingAtTheSameTimeReplacesTheFirst() {
        WaitingReadings waiting = new WaitingReadings();
        waiting.add(reading(10, 1));
        waiting.add(reading(20, 1));
        waiting.add(reading(10, 2));
        assertThat(waiting.size()).isEqualTo(2);
        assertThat(waiting.get(0).metrics()).containsEntry("temperature", 2.0);
    }

    @Test
    void removesTheOldestAsAPrefixAndKeepsTakingNewOnes() {
        WaitingReadings waiting = new WaitingReadings();
        for (long ts = 1; ts <= 100; ts++) {
            waiting.add(reading(ts, 0));
        }
        waiting.removeFirst(97); // shrinks the array: a quarter is left at most
        assertThat(times(waiting)).containsExactly(98L, 99L, 100L);
        waiting.add(reading(5, 0));
        waiting.add(reading(101, 0));
        assertThat(times(waiting)).containsExactly(5L, 98L, 99L, 100L, 101L);
        waiting.removeFirst(5);
        assertThat(waiting.isEmpty()).isTrue();
        assertThatThrownBy(() -> waiting.removeFirst(1)).isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> waiting.get(0)).isInstanceOf(IndexOutOfBoundsException.class);
    }

    @Test
    void aCopyIsIndependentOfLaterChanges() {
        WaitingReadings waiting = new WaitingReadings();
        waiting.add(reading(1, 0));
        waiting.add(reading(2, 0));
        WaitingReadings copy = waiting.copy();
        waiting.removeFirst(1);
        waiting.add(reading(3, 0));
        assertThat(times(copy)).containsExactly(1L, 2L);
        assertThat(copy).isNotEqualTo(waiting).isEqualTo(WaitingReadings.ofSorted(new Reading[] {reading(1, 0), reading(2, 0)}, 2));
    }

    static Reading reading(long ts, double temperature) {
        return new Reading("dev-1", ts, Map.of("temperature", temperature));
    }

    private static List<Long> times(WaitingReadings waiting) {
        List<Long> times = new ArrayList<>();
        for (int i = 0; i < waiting.size(); i++) {
            times.add(waiting.get(i).ts());
        }
        return times;
    }
}

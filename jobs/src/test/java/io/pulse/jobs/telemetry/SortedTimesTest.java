package io.pulse.jobs.telemetry;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SortedTimesTest {

    @Test
    void staysSortedAndDistinctWhateverTheOrderOfArrival() {
        SortedTimes times = new SortedTimes();
        assertThat(times.add(30)).isTrue();
        assertThat(times.add(10)).isTrue();
        assertThat(times.add(20)).isTrue();
        assertThat(times.add(20)).as("a repeat").isFalse();
        assertThat(times.add(40)).isTrue();
        assertThat(times.toArray()).containsExactly(10, 20, 30, 40);
        assertThat(times.contains(20)).isTrue();
        assertThat(times.contains(25)).isFalse();
        assertThat(times.contains(50)).isFalse();
        assertThat(new SortedTimes().contains(10)).isFalse();
        assertThat(times.first()).isEqualTo(10);
        assertThatThrownBy(() -> times.get(4)).isInstanceOf(IndexOutOfBoundsException.class);
    }

    @Test
    void removesEverythingUpToACutoff() {
        SortedTimes times = new SortedTimes();
        for (long t : new long[] {10, 20, 30}) {
            times.add(t);
        }
        assertThat(times.removeUpTo(5)).isZero();
        assertThat(times.removeUpTo(20)).isEqualTo(2);
        assertThat(times.toArray()).containsExactly(30);
        assertThat(times.removeUpTo(35)).isEqualTo(1);
        assertThat(times.isEmpty()).isTrue();
        assertThat(times.add(5)).as("usable after emptying").isTrue();
        assertThat(times.toArray()).containsExactly(5);
    }

    @Test
    void aLongRunInOrderThenPrunedKeepsItsContentAndGivesMemoryBack() {
        SortedTimes times = new SortedTimes();
        for (long t = 0; t < 100_000; t++) {
            times.add(t);
        }
        assertThat(times.size()).isEqualTo(100_000);
        assertThat(times.removeUpTo(99_989)).isEqualTo(99_990);
        assertThat(times.toArray()).containsExactly(99_990, 99_991, 99_992, 99_993, 99_994, 99_995, 99_996, 99_997, 99_998, 99_999);
        assertThat(times.add(99_995)).isFalse();
        assertThat(times.add(100_000)).isTrue();
        assertThat(times.size()).isEqualTo(11);
    }

    @Test
    void aCopyIsIndependentAndEqual() {
        SortedTimes times = new SortedTimes();
        times.add(1);
        times.add(2);
        SortedTimes copy = times.copy();
        assertThat(copy).isEqualTo(times).hasSameHashCodeAs(times);
        times.add(3);
        assertThat(copy.toArray()).containsExactly(1, 2);
        assertThat(copy).isNotEqualTo(times);
    }
}

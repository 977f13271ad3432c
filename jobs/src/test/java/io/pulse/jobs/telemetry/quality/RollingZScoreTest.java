package io.pulse.jobs.telemetry.quality;

import org.junit.jupiter.api.Test;

import java.util.OptionalDouble;
import java.util.stream.DoubleStream;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class RollingZScoreTest {

    private final RollingZScore contract = RollingZScore.of(QualitySettings.DEFAULTS);

    private static double[] oneTo20() {
        return IntStream.rangeClosed(1, 20).asDoubleStream().toArray();
    }

    @Test
    void scoresAgainstThePopulationStdOfThePrevious20() {
        // 1..20: mean 10.5, population variance (20^2 - 1) / 12 = 33.25, std 5.7662812973...
        OptionalDouble z = contract.score(oneTo20(), 30);
        assertThat(z).isPresent();
        assertThat(z.getAsDouble()).isCloseTo(19.5 / Math.sqrt(33.25), within(1e-12));
        assertThat(z.getAsDouble()).isCloseTo(3.3817, within(1e-4));
        assertThat(contract.anomalous(z.getAsDouble())).isTrue();
        assertThat(contract.score(oneTo20(), 10.5).getAsDouble()).isZero();
        assertThat(contract.score(oneTo20(), 5).getAsDouble()).isCloseTo(-5.5 / Math.sqrt(33.25), within(1e-12));
    }

    @Test
    void noScoreUntilThereAre20PreviousValues() {
        assertThat(contract.score(null, 1)).isEmpty();
        assertThat(contract.score(new double[0], 1)).isEmpty();
        assertThat(contract.score(IntStream.rangeClosed(1, 19).asDoubleStream().toArray(), 30)).isEmpty();
    }

    @Test
    void noScoreWhenTheDeviationIsZero() {
        double[] tens = DoubleStream.generate(() -> 10).limit(20).toArray();
        assertThat(contract.score(tens, 10)).isEmpty();
        assertThat(contract.score(tens, 99)).isEmpty();
        // Twenty 0.1s sum to slightly more than 2: still deviation 0, not a tiny std and a huge z.
        double[] tenths = DoubleStream.generate(() -> 0.1).limit(20).toArray();
        assertThat(contract.score(tenths, 0.2)).isEmpty();
    }

    @Test
    void anomalousFromTheThresholdOnBothSides() {
        // ten 0s and ten 2s: mean 1, std exactly 1, so z = x - 1
        double[] window = IntStream.range(0, 20).mapToDouble(i -> i % 2 == 0 ? 0 : 2).toArray();
        assertThat(contract.score(window, 4).getAsDouble()).isEqualTo(3.0);
        assertThat(contract.anomalous(3.0)).isTrue();
        assertThat(contract.anomalous(-3.0)).isTrue();
        assertThat(contract.anomalous(2.9999)).isFalse();
        assertThat(contract.anomalous(-2.9999)).isFalse();
    }

    @Test
    void appendKeepsTheLastWindowValuesOldestFirst() {
        double[] history = null;
        for (int i = 1; i <= 25; i++) {
            history = contract.append(history, i);
        }
        assertThat(history).containsExactly(IntStream.rangeClosed(6, 25).asDoubleStream().toArray());
        double[] full = history;
        assertThat(contract.append(history, 99)).as("a full window is shifted in place").isSameAs(full);
        assertThat(full).containsExactly(IntStream.concat(IntStream.rangeClosed(7, 25), IntStream.of(99)).asDoubleStream().toArray());
    }

    @Test
    void aLongerHistoryUsesOnlyItsLastWindowValues() {
        // e.g. after a restart with a smaller window: the older values are ignored
        RollingZScore three = new RollingZScore(3, 3.0);
        double[] history = {100, 200, 1, 2, 3};
        // last three 1, 2, 3: mean 2, std sqrt(2/3)
        assertThat(three.score(history, 4).getAsDouble()).isCloseTo(2 / Math.sqrt(2.0 / 3), within(1e-12));
        assertThat(three.append(history, 4)).containsExactly(2, 3, 4);
    }

    @Test
    void refusesAnUnusableConfiguration() {
        assertThatThrownBy(() -> new RollingZScore(1, 3)).hasMessageContaining("window");
        assertThatThrownBy(() -> new RollingZScore(20, 0)).hasMessageContaining("threshold");
        assertThatThrownBy(() -> new RollingZScore(20, Double.NaN)).hasMessageContaining("threshold");
    }
}

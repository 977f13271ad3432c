package io.pulse.jobs.telemetry.quality;

import io.pulse.jobs.telemetry.Reading;

import org.apache.flink.runtime.checkpoint.OperatorSubtaskState;
import org.apache.flink.runtime.metrics.util.InterceptingOperatorMetricGroup;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;

import static io.pulse.jobs.telemetry.quality.Harnesses.at;
import static io.pulse.jobs.telemetry.quality.Harnesses.reading;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class AnomalyScorerTest {

    private static final double Z_30_AFTER_1_TO_20 = 19.5 / Math.sqrt(33.25);

    private final InterceptingOperatorMetricGroup metrics = new InterceptingOperatorMetricGroup();
    private KeyedOneInputStreamOperatorTestHarness<String, Reading, ScoredReading> harness;

    @AfterEach
    void close() throws Exception {
        if (harness != null) {
            harness.close();
        }
    }

    private void open(QualitySettings settings) throws Exception {
        harness = Harnesses.opened(new AnomalyScorer(settings), metrics);
    }

    private void send(Reading reading) throws Exception {
        harness.processElement(reading, reading.ts());
    }

    /** Temperature 1, 2, ... 20 at seconds 1..20 of device A. */
    private void send1To20() throws Exception {
        for (int i = 1; i <= 20; i++) {
            send(reading("A", i, "temperature", i));
        }
    }

    @Test
    void scoresTheTwentyFirstReadingAgainstTheTwentyBefore() throws Exception {
        open(QualitySettings.DEFAULTS);
        send1To20();
        send(reading("A", 21, "temperature", 30));
        assertThat(harness.extractOutputValues()).as("nothing before the watermark passes").isEmpty();

        harness.processWatermark(at(21));
        List<ScoredReading> scored = harness.extractOutputValues();
        assertThat(scored).hasSize(21);
        assertThat(scored.subList(0, 20)).allSatisfy(r -> {
            assertThat(r.zScores()).isEmpty();
            assertThat(r.anomalousMetrics()).isEmpty();
        });
        ScoredReading last = scored.get(20);
        assertThat(last.ts()).isEqualTo(at(21));
        assertThat(last.metrics()).containsEntry("temperature", 30.0);
        assertThat(last.zScores().get("temperature")).isCloseTo(Z_30_AFTER_1_TO_20, within(1e-12));
        assertThat(last.anomalousMetrics()).containsExactly("temperature");
        assertThat(harness.extractOutputStreamRecords()).extracting(StreamRecord::getTimestamp)
                .as("records carry the reading's time").containsExactlyElementsOf(
                        IntStream.rangeClosed(1, 21).mapToObj(i -> at(i)).toList());
    }

    @Test
    void scoresOutOfOrderInputInEventTimeOrder() throws Exception {
        open(QualitySettings.DEFAULTS);
        // 22 readings, value = second, arriving shuffled within the 5 s tolerance
        int[] arrival = {2, 1, 4, 3, 5, 7, 6, 9, 8, 10, 12, 11, 14, 13, 15, 17, 16, 19, 18, 20, 22, 21};
        for (int second : arrival) {
            send(reading("A", second, "temperature", second));
            if (second % 5 == 0) {
                harness.processWatermark(at(second - 5));
            }
        }
        harness.processWatermark(at(22));

        List<ScoredReading> scored = harness.extractOutputValues();
        assertThat(scored).extracting(ScoredReading::ts)
                .containsExactlyElementsOf(IntStream.rangeClosed(1, 22).mapToObj(i -> at(i)).toList());
        // In arrival order, 22 would have been scored before 21 was in its history.
        assertThat(scored.get(20).zScores().get("temperature")).isCloseTo((21 - 10.5) / Math.sqrt(33.25), within(1e-12));
        assertThat(scored.get(21).zScores().get("temperature")).isCloseTo((22 - 11.5) / Math.sqrt(33.25), within(1e-12));
    }

    @Test
    void keepsOneHistoryPerMetric() throws Exception {
        open(QualitySettings.DEFAULTS);
        for (int i = 1; i <= 20; i++) {
            // humidity only on even seconds; flame constant
            Reading reading = i % 2 == 0
                    ? reading("A", i, "temperature", i, "humidity", 50 + i % 4, "flame", 0)
                    : reading("A", i, "temperature", i, "flame", 0);
            send(reading);
        }
        send(reading("A", 21, "temperature", 30, "humidity", 51, "flame", 1));
        harness.processWatermark(at(21));

        ScoredReading last = harness.extractOutputValues().get(20);
        assertThat(last.zScores()).as("humidity has 10 values, flame deviation 0").containsOnlyKeys("temperature");
        assertThat(last.anomalousMetrics()).containsExactly("temperature");
    }

    @Test
    void noScoreWhenTheHistoryIsConstant() throws Exception {
        open(QualitySettings.DEFAULTS);
        for (int i = 1; i <= 21; i++) {
            send(reading("A", i, "temperature", 10));
        }
        harness.processWatermark(at(21));
        assertThat(harness.extractOutputValues()).hasSize(21).allSatisfy(r -> assertThat(r.zScores()).isEmpty());
    }

    @Test
    void keepsHistoryAndWaitingReadingsAcrossARestore() throws Exception {
        open(QualitySettings.DEFAULTS);
        send1To20();
        harness.processWatermark(at(18)); // 19 and 20 still wait
        assertThat(harness.extractOutputValues()).hasSize(18);
        OperatorSubtaskState snapshot = harness.snapshot(1L, at(20));
        harness.close();

        harness = Harnesses.keyed(new AnomalyScorer(QualitySettings.DEFAULTS), metrics);
        harness.setup();
        harness.initializeState(snapshot);
        harness.open();
        send(reading("A", 21, "temperature", 30));
        harness.processWatermark(at(21));

        List<ScoredReading> scored = harness.extractOutputValues();
        assertThat(scored).extracting(ScoredReading::ts).containsExactly(at(19), at(20), at(21));
        assertThat(scored.get(2).zScores().get("temperature")).isCloseTo(Z_30_AFTER_1_TO_20, within(1e-12));
    }

    @Test
    void countsARepeatedTimeOnce() throws Exception {
        open(QualitySettings.DEFAULTS);
        send(reading("A", 1, "temperature", 20));
        send(reading("A", 1, "temperature", 20));
        harness.processWatermark(at(1));
        assertThat(harness.extractOutputValues()).hasSize(1);
    }

    @Test
    void withAllowedLatenessReadingsWaitThatMuchLonger() throws Exception {
        open(QualitySettings.DEFAULTS.withAllowedLateness(Duration.ofSeconds(2)));
        send(reading("A", 1, "temperature", 20));
        harness.processWatermark(at(2.999));
        assertThat(harness.extractOutputValues()).isEmpty();
        harness.processWatermark(at(3));
        assertThat(harness.extractOutputStreamRecords()).singleElement().satisfies(r -> {
            assertThat(r.getValue().ts()).isEqualTo(at(1));
            assertThat(r.getTimestamp()).as("ts + allowed lateness").isEqualTo(at(3));
        });
    }

    @Test
    void forgetsADeviceAfterTheRetention() throws Exception {
        open(QualitySettings.DEFAULTS.withHistoryRetention(Duration.ofHours(1)));
        send(reading("A", 0, "temperature", 20));
        send(reading("A", 600, "temperature", 21)); // ten minutes later
        assertThat(harness.numEventTimeTimers()).as("one release timer per waiting reading").isEqualTo(2);

        harness.processWatermark(at(600));
        assertThat(harness.numKeyedStateEntries()).as("history and activity; nothing waiting").isEqualTo(2);
        assertThat(harness.numEventTimeTimers()).as("only the cleanup timer").isEqualTo(1);

        harness.processWatermark(at(3600)); // the cleanup timer set by the first reading: re-armed
        assertThat(harness.numKeyedStateEntries()).isEqualTo(2);
        assertThat(harness.numEventTimeTimers()).isEqualTo(1);

        harness.processWatermark(at(4200)); // an hour after the last reading
        assertThat(harness.numKeyedStateEntries()).isZero();
        assertThat(harness.numEventTimeTimers()).isZero();
    }

    @Test
    void aDeviceBackAfterTheRetentionStartsAFreshHistory() throws Exception {
        open(QualitySettings.DEFAULTS.withHistoryRetention(Duration.ofHours(1)));
        send1To20();
        harness.processWatermark(at(20));
        send(reading("A", 20 + 3601, "temperature", 30));
        harness.processWatermark(at(20 + 3601));
        ScoredReading back = harness.extractOutputValues().get(20);
        assertThat(back.zScores()).as("the 20 old values were dropped").isEmpty();
    }
}

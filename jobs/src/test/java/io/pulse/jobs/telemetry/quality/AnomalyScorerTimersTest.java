package io.pulse.jobs.telemetry.quality;

import io.pulse.jobs.telemetry.Reading;

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

/** Readings close together in event time share release timers, and still leave scored one by one. */
class AnomalyScorerTimersTest {

    private KeyedOneInputStreamOperatorTestHarness<String, Reading, ScoredReading> harness;

    @AfterEach
    void close() throws Exception {
        harness.close();
    }

    private void open(QualitySettings settings) throws Exception {
        harness = Harnesses.opened(new AnomalyScorer(settings), new InterceptingOperatorMetricGroup());
    }

    private void sendSeconds(int from, int to) throws Exception {
        for (int second = from; second <= to; second++) {
            Reading reading = reading("A", second, "temperature", 20 + second % 3);
            harness.processElement(reading, reading.ts());
        }
    }

    @Test
    void aMinuteOfReadingsWaitsOnOneTimerAndLeavesInOrderWithItsOwnTimestamps() throws Exception {
        open(QualitySettings.DEFAULTS);
        sendSeconds(0, 59);
        assertThat(harness.numEventTimeTimers()).isEqualTo(1);

        harness.processWatermark(at(59));

        List<StreamRecord<? extends ScoredReading>> out = harness.extractOutputStreamRecords();
        long[] expected = IntStream.rangeClosed(0, 59).mapToLong(Harnesses::at).toArray();
        assertThat(out).extracting(r -> r.getValue().ts()).containsExactly(box(expected));
        assertThat(out).extracting(StreamRecord::getTimestamp).containsExactly(box(expected));
        assertThat(harness.numEventTimeTimers()).as("only the cleanup timer").isEqualTo(1);
    }

    @Test
    void readingsTheWatermarkHasNotPassedGetATimerOfTheirOwn() throws Exception {
        open(QualitySettings.DEFAULTS);
        sendSeconds(0, 9);
        harness.processWatermark(at(4));
        assertThat(harness.extractOutputValues()).extracting(ScoredReading::ts).containsExactly(at(0), at(1), at(2), at(3), at(4));
        assertThat(harness.numEventTimeTimers()).as("release of 5..9 and the cleanup").isEqualTo(2);

        harness.processWatermark(at(9));
        assertThat(harness.extractOutputValues()).hasSize(10);
        assertThat(harness.numKeyedStateEntries()).as("history and activity; nothing waiting").isEqualTo(2);
    }

    @Test
    void withAllowedLatenessEveryRecordCarriesItsOwnReleaseTime() throws Exception {
        open(QualitySettings.DEFAULTS.withAllowedLateness(Duration.ofSeconds(2)));
        sendSeconds(0, 4);
        harness.processWatermark(at(6));
        assertThat(harness.extractOutputStreamRecords()).extracting(StreamRecord::getTimestamp)
                .containsExactly(at(2), at(3), at(4), at(5), at(6));
    }

    private static Long[] box(long[] values) {
        return java.util.Arrays.stream(values).boxed().toArray(Long[]::new);
    }
}

package io.pulse.jobs.telemetry.quality;

import io.pulse.jobs.ingest.ParseStep;
import io.pulse.jobs.ingest.RejectedMessage;
import io.pulse.jobs.telemetry.Reading;

import org.apache.flink.runtime.checkpoint.OperatorSubtaskState;
import org.apache.flink.runtime.metrics.util.InterceptingOperatorMetricGroup;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Queue;

import static io.pulse.jobs.telemetry.quality.Harnesses.at;
import static io.pulse.jobs.telemetry.quality.Harnesses.count;
import static io.pulse.jobs.telemetry.quality.Harnesses.reading;
import static org.assertj.core.api.Assertions.assertThat;

class DedupAndLateFilterTest {

    private final InterceptingOperatorMetricGroup metrics = new InterceptingOperatorMetricGroup();
    private KeyedOneInputStreamOperatorTestHarness<String, Reading, Reading> harness;

    @AfterEach
    void close() throws Exception {
        if (harness != null) {
            harness.close();
        }
    }

    private KeyedOneInputStreamOperatorTestHarness<String, Reading, Reading> open(QualitySettings settings) throws Exception {
        harness = Harnesses.opened(new DedupAndLateFilter(settings), metrics);
        return harness;
    }

    /** A failure and restore: a new operator (with its own metrics) from a snapshot. */
    private InterceptingOperatorMetricGroup restart(double atSeconds) throws Exception {
        OperatorSubtaskState snapshot = harness.snapshot(1L, at(atSeconds));
        harness.close();
        InterceptingOperatorMetricGroup restoredMetrics = new InterceptingOperatorMetricGroup();
        harness = Harnesses.keyed(new DedupAndLateFilter(QualitySettings.DEFAULTS), restoredMetrics);
        harness.setup();
        harness.initializeState(snapshot);
        harness.open();
        return restoredMetrics;
    }

    private void send(Reading reading) throws Exception {
        harness.processElement(reading, reading.ts());
    }

    private List<RejectedMessage> rejected() {
        Queue<StreamRecord<RejectedMessage>> side = harness.getSideOutput(DedupAndLateFilter.REJECTED);
        return side == null ? List.of() : side.stream().map(StreamRecord::getValue).toList();
    }

    @Test
    void passesEachDeviceAndTimeOnce() throws Exception {
        open(QualitySettings.DEFAULTS);
        send(reading("A", 1, "temperature", 20));
        send(reading("A", 1, "temperature", 21)); // same (deviceId, ts): a repeat, whatever it says
        send(reading("A", 2, "temperature", 22));
        send(reading("B", 1, "temperature", 23)); // same ts, other device
        send(reading("A", 1.5, "temperature", 24)); // out of order, not seen before

        assertThat(harness.extractOutputValues()).extracting(Reading::deviceId, Reading::ts).containsExactly(
                org.assertj.core.groups.Tuple.tuple("A", at(1)),
                org.assertj.core.groups.Tuple.tuple("A", at(2)),
                org.assertj.core.groups.Tuple.tuple("B", at(1)),
                org.assertj.core.groups.Tuple.tuple("A", at(1.5)));
        assertThat(count(metrics, "duplicateReadings")).isEqualTo(1);
        assertThat(harness.getSideOutput(DedupAndLateFilter.DUPLICATES)).as("the repeat, to be counted")
                .extracting(r -> r.getValue().metrics().get("temperature")).containsExactly(21.0);
        assertThat(count(metrics, "lateReadings")).isZero();
        assertThat(rejected()).as("repeats are not rejected rows").isEmpty();
    }

    @Test
    void remembersSeenReadingsAcrossARestore() throws Exception {
        open(QualitySettings.DEFAULTS);
        send(reading("A", 1, "temperature", 20));
        harness.processWatermark(at(0.5));
        InterceptingOperatorMetricGroup restoredMetrics = restart(2);
        assertThat(harness.numEventTimeTimers()).as("the pruning timer is restored too").isEqualTo(1);

        send(reading("A", 1, "temperature", 20)); // redelivered after the restart
        send(reading("A", 2, "temperature", 21));
        assertThat(harness.extractOutputValues()).extracting(Reading::ts).containsExactly(at(2));
        assertThat(count(restoredMetrics, "duplicateReadings")).isEqualTo(1);
    }

    @Test
    void aReadingOlderThanTheHorizonIsLateAfterARestoreToo() throws Exception {
        open(QualitySettings.DEFAULTS); // horizon 30 s
        for (int s = 0; s <= 60; s++) {
            send(reading("A", s, "temperature", 20));
        }
        harness.processWatermark(at(55)); // 0..24 s are forgotten
        InterceptingOperatorMetricGroup restoredMetrics = restart(55); // the watermark starts from nothing
        send(reading("A", 10, "temperature", 20)); // redelivered, too old to be known as a repeat
        send(reading("A", 24, "temperature", 20));
        send(reading("A", 25, "temperature", 20)); // still known: a repeat
        send(reading("A", 61, "temperature", 20));

        assertThat(harness.extractOutputValues()).as("nothing behind what was scored")
                .extracting(Reading::ts).containsExactly(at(61));
        assertThat(count(restoredMetrics, "lateReadings")).isEqualTo(2);
        assertThat(count(restoredMetrics, "duplicateReadings")).isEqualTo(1);
        assertThat(rejected()).extracting(RejectedMessage::reason).containsOnly("late");
    }

    @Test
    void rejectsReadingsAtOrBehindTheWatermarkAsLate() throws Exception {
        open(QualitySettings.DEFAULTS);
        harness.setProcessingTime(at(60));
        harness.processWatermark(at(10));
        send(reading("R1", 10, "temperature", 82.4)); // the watermark said: nothing at or before 10 s
        send(reading("R1", 3, "battery", 40));
        send(reading("R1", 10.001, "temperature", 82.5));

        assertThat(harness.extractOutputValues()).extracting(Reading::ts).containsExactly(at(10.001));
        assertThat(count(metrics, "lateReadings")).isEqualTo(2);
        List<RejectedMessage> rejected = rejected();
        assertThat(rejected).hasSize(2);
        RejectedMessage first = rejected.get(0);
        assertThat(first.reason()).isEqualTo("late");
        assertThat(first.job()).isEqualTo("telemetry");
        assertThat(first.topic()).isEqualTo("devices/R1/telemetry");
        assertThat(first.receivedAt().toEpochMilli()).isEqualTo(at(60));
        assertThat(first.payloadAsText()).isEqualTo("{\"deviceId\":\"R1\",\"ts\":\"2026-03-02T08:00:10Z\",\"temperature\":82.4}");
        assertThat(DedupAndLateFilter.REJECTED).as("one side output for all refused input").isSameAs(ParseStep.REJECTED);
    }

    @Test
    void acceptsReadingsWithinTheConfiguredLateness() throws Exception {
        open(QualitySettings.DEFAULTS.withAllowedLateness(Duration.ofSeconds(2)));
        harness.processWatermark(at(10));
        send(reading("A", 8.001, "temperature", 20));
        send(reading("A", 8, "temperature", 21));
        assertThat(harness.extractOutputValues()).extracting(Reading::ts).containsExactly(at(8.001));
        assertThat(count(metrics, "lateReadings")).isEqualTo(1);
    }

    @Test
    void aLateRepeatOfACountedReadingIsARepeatNotARejection() throws Exception {
        open(QualitySettings.DEFAULTS);
        send(reading("A", 1, "temperature", 20));
        harness.processWatermark(at(20));
        send(reading("A", 1, "temperature", 20));
        assertThat(harness.extractOutputValues()).hasSize(1);
        assertThat(count(metrics, "duplicateReadings")).isEqualTo(1);
        assertThat(rejected()).isEmpty();
    }

    @Test
    void forgetsADevicesTimesOnceTheHorizonHasPassedAndHowFarItGotAfterTheRetention() throws Exception {
        open(QualitySettings.DEFAULTS); // horizon 30 s, retention 24 h
        send(reading("A", 0, "temperature", 20));
        send(reading("A", 1, "temperature", 20));
        send(reading("B", 0, "temperature", 20));
        assertThat(harness.numKeyedStateEntries()).isEqualTo(2);
        assertThat(harness.numEventTimeTimers()).as("one per device").isEqualTo(2);

        harness.processWatermark(at(30)); // not yet past 0 s + 30 s
        assertThat(harness.numKeyedStateEntries()).isEqualTo(2);
        harness.processWatermark(at(30.001)); // A keeps 1 s; B's times are gone, how far it got stays
        assertThat(harness.numKeyedStateEntries()).isEqualTo(3);
        assertThat(harness.numEventTimeTimers()).as("A's pruning, B's cleanup").isEqualTo(2);
        harness.processWatermark(at(31.001));
        assertThat(harness.numKeyedStateEntries()).as("how far each got").isEqualTo(2);
        assertThat(harness.numEventTimeTimers()).as("the cleanups").isEqualTo(2);

        send(reading("A", 1, "temperature", 20)); // too old to be a known repeat: late
        assertThat(count(metrics, "lateReadings")).isEqualTo(1);
        assertThat(harness.numKeyedStateEntries()).as("late readings leave no state").isEqualTo(2);

        harness.processWatermark(at(86_400 + 1)); // 24 h after: the cleanup waits for the next hour
        assertThat(harness.numKeyedStateEntries()).isEqualTo(2);
        harness.processWatermark(at(86_400 + 3_600));
        assertThat(harness.numKeyedStateEntries()).isZero();
        assertThat(harness.numEventTimeTimers()).isZero();
    }

    @Test
    void aSparseDeviceWhoseTimesAreAllForgottenStillRefusesOlderReadingsAfterARestore() throws Exception {
        open(QualitySettings.DEFAULTS);
        for (int s = 0; s <= 180; s += 60) { // a reading a minute: its times empty between readings
            send(reading("S", s, "temperature", 20));
            harness.processWatermark(at(s + 40));
        }
        InterceptingOperatorMetricGroup restoredMetrics = restart(220);
        send(reading("S", 120, "temperature", 20)); // redelivered
        send(reading("S", 240, "temperature", 20));
        assertThat(harness.extractOutputValues()).extracting(Reading::ts).containsExactly(at(240));
        assertThat(count(restoredMetrics, "lateReadings")).isEqualTo(1);
    }
}

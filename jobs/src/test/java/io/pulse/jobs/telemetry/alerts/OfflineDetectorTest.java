package io.pulse.jobs.telemetry.alerts;

import io.pulse.jobs.telemetry.rules.AlertType;
import io.pulse.jobs.telemetry.rules.Severity;

import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.operators.co.CoBroadcastWithKeyedOperator;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.KeyedBroadcastOperatorTestHarness;
import org.apache.flink.streaming.util.ProcessFunctionTestHarnesses;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static io.pulse.jobs.telemetry.alerts.Fixtures.at;
import static io.pulse.jobs.telemetry.alerts.Fixtures.reading;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

class OfflineDetectorTest {

    /** Wall clock of the test: an arbitrary instant unrelated to the readings' times. */
    static final long WALL = 1_000_000;

    private KeyedBroadcastOperatorTestHarness<String, EvaluatedReading, Long, Alert> harness;

    @BeforeEach
    void open() throws Exception {
        harness = newHarness();
    }

    @AfterEach
    void close() throws Exception {
        harness.close();
    }

    static KeyedBroadcastOperatorTestHarness<String, EvaluatedReading, Long, Alert> newHarness() throws Exception {
        var h = ProcessFunctionTestHarnesses.forKeyedBroadcastProcessFunction(
                new OfflineDetector(Duration.ofHours(1)), EvaluatedReading::deviceId, Types.STRING, ArrivalPulses.BROADCAST);
        h.processBroadcastWatermark(Long.MAX_VALUE); // the side input holds no event time back (OutOfEventTime)
        h.setProcessingTime(WALL);
        return h;
    }

    /** A detector restored from {@code snapshot}, not yet at any processing time. */
    static KeyedBroadcastOperatorTestHarness<String, EvaluatedReading, Long, Alert> restored(
            org.apache.flink.runtime.checkpoint.OperatorSubtaskState snapshot) throws Exception {
        var h = new KeyedBroadcastOperatorTestHarness<>(new CoBroadcastWithKeyedOperator<>(
                new OfflineDetector(Duration.ofHours(1)), List.of(ArrivalPulses.BROADCAST)),
                EvaluatedReading::deviceId, Types.STRING, 1, 1, 0);
        h.initializeState(snapshot);
        h.open();
        h.processBroadcastWatermark(Long.MAX_VALUE);
        return h;
    }

    /** As {@code KeyedOneInputStreamOperatorTestHarness.numKeyedStateEntries()} counts them. */
    static int keyedStateEntries(KeyedBroadcastOperatorTestHarness<String, EvaluatedReading, Long, Alert> h) {
        var operator = (org.apache.flink.streaming.api.operators.AbstractStreamOperator<?>) h.getTwoInputOperator();
        return ((org.apache.flink.runtime.state.heap.HeapKeyedStateBackend<?>) operator.getKeyedStateBackend())
                .numKeyValueStateEntries();
    }

    /** Other devices keep reporting (a pulse a second from another subtask) up to {@code wall}. */
    static void othersReportUntil(KeyedBroadcastOperatorTestHarness<String, EvaluatedReading, Long, Alert> h, long wall)
            throws Exception {
        for (long t = h.getProcessingTime() + 1_000; t < wall; t += 1_000) {
            h.setProcessingTime(t);
            h.processBroadcastElement(t, 0);
        }
        h.setProcessingTime(wall);
        h.processBroadcastElement(wall, 0);
    }

    static void arrive(KeyedBroadcastOperatorTestHarness<String, EvaluatedReading, Long, Alert> h, EvaluatedReading r) throws Exception {
        h.processElement(r, r.ts());
    }

    static List<AlertEvent> events(KeyedBroadcastOperatorTestHarness<String, EvaluatedReading, Long, Alert> h) {
        var out = h.getSideOutput(AlertOutputs.EVENTS);
        return out == null ? List.of() : out.stream().map(StreamRecord::getValue).toList();
    }

    @Test
    void aGapInEventTimeGivesAnAlertOpenedAtLastReadingPlus15sAndResolvedAtTheNext() throws Exception {
        arrive(harness, reading("R3", 0, "temperature", 20));
        arrive(harness, reading("R3", 10, "temperature", 20));
        arrive(harness, reading("R3", 40, "temperature", 20));
        harness.processWatermark(at(40));

        String id = Alert.id("R3", AlertType.OFFLINE, at(25));
        assertThat(events(harness)).extracting(AlertEvent::event, e -> e.alert().alertId(), e -> e.alert().resolvedAt(),
                e -> e.alert().value()).containsExactly(
                tuple("opened", id, null, null),
                tuple("resolved", id, Instant.ofEpochMilli(at(40)), 30.0));
        Alert alert = events(harness).get(1).alert();
        assertThat(alert.severity()).isEqualTo(Severity.HIGH);
        assertThat(alert.openedAt()).isEqualTo(Instant.ofEpochMilli(at(25)));
        assertThat(alert.message()).isEqualTo("No reading from R3 since 2026-03-02 10:02:21 UTC (expected at least every 15 s)."
                + " Check its power supply and network connection. Back at 2026-03-02 10:02:51 UTC after 30 s without readings.");
    }

    @Test
    void aGapOfExactly15SecondsIsNoGap() throws Exception {
        arrive(harness, reading("R3", 0, "temperature", 20));
        arrive(harness, reading("R3", 15, "temperature", 20));
        harness.processWatermark(at(15));

        assertThat(events(harness)).isEmpty();
    }

    @Test
    void anOutOfOrderReadingWithinTheWatermarkBoundFillsTheGap() throws Exception {
        arrive(harness, reading("R3", 0, "temperature", 20));
        arrive(harness, reading("R3", 20, "temperature", 20));
        arrive(harness, reading("R3", 10, "temperature", 20)); // late, but before the watermark passed 20
        harness.processWatermark(at(20));

        assertThat(events(harness)).isEmpty();
    }

    @Test
    void aSilentDeviceIsFlaggedAtItsWallClockDeadlineWithoutAnyWatermark() throws Exception {
        arrive(harness, reading("R3", 0, "temperature", 20));

        othersReportUntil(harness, WALL + 14_999);
        assertThat(events(harness)).isEmpty();
        othersReportUntil(harness, WALL + 15_000); // the deadline itself, well within 2 s of it
        assertThat(events(harness)).extracting(AlertEvent::event, e -> e.alert().openedAt(), e -> e.alert().resolvedAt())
                .containsExactly(tuple("opened", Instant.ofEpochMilli(at(15)), null));

        othersReportUntil(harness, WALL + 60_000); // silence goes on: still one alert
        assertThat(events(harness)).hasSize(1);
    }

    @Test
    void timeWhileNothingArrivesFromAnyDeviceDoesNotCount() throws Exception {
        arrive(harness, reading("R3", 0, "temperature", 20));
        othersReportUntil(harness, WALL + 5_000);
        harness.setProcessingTime(WALL + 25_000); // 20 s without anything: the broker away, or a stall
        assertThat(events(harness)).as("Pulse was not receiving").isEmpty();
        assertThat(harness.numProcessingTimeTimers()).as("the deadline, moved").isEqualTo(1);
        harness.processBroadcastElement(WALL + 25_000, 0);

        othersReportUntil(harness, WALL + 34_999); // 15 s of receiving in all is due at 35 s
        assertThat(events(harness)).isEmpty();
        othersReportUntil(harness, WALL + 35_000);
        assertThat(events(harness)).extracting(AlertEvent::event, e -> e.alert().openedAt())
                .as("the same alert as without the stall").containsExactly(tuple("opened", Instant.ofEpochMilli(at(15))));
    }

    @Test
    void aDeviceThatReportsAfterAStallRaisesNothing() throws Exception {
        arrive(harness, reading("R3", 0, "temperature", 20));
        othersReportUntil(harness, WALL + 2_000);
        harness.setProcessingTime(WALL + 32_000); // a database down for 30 s stalls every reading
        arrive(harness, reading("R3", 5, "temperature", 20)); // what was held up comes through
        othersReportUntil(harness, WALL + 40_000);
        assertThat(events(harness)).isEmpty();
    }

    @Test
    void aSilenceOfTheWholeFleetStillCountsAfterTheTimeoutAndThirtySeconds() throws Exception {
        arrive(harness, reading("R3", 0, "temperature", 20));
        harness.setProcessingTime(WALL + 44_999);
        assertThat(events(harness)).isEmpty();
        harness.setProcessingTime(WALL + 45_000);
        assertThat(events(harness)).extracting(AlertEvent::event, e -> e.alert().openedAt())
                .containsExactly(tuple("opened", Instant.ofEpochMilli(at(15))));
    }

    @Test
    void everyReadingMovesTheDeadline() throws Exception {
        for (int i = 0; i < 6; i++) {
            harness.setProcessingTime(WALL + i * 10_000L);
            arrive(harness, reading("R3", i * 10, "temperature", 20));
        }
        harness.setProcessingTime(WALL + 64_000);
        assertThat(events(harness)).isEmpty();
    }

    @Test
    void theWallClockAndTheEventTimePathsGiveTheSameAlert() throws Exception {
        // live: the device goes silent, the deadline fires, then it comes back
        arrive(harness, reading("R3", 0, "temperature", 20));
        othersReportUntil(harness, WALL + 15_000);
        othersReportUntil(harness, WALL + 40_000);
        arrive(harness, reading("R3", 40, "temperature", 20));
        harness.processWatermark(at(40));
        List<AlertEvent> live = events(harness);

        // replay: the same readings arrive back to back, so only event time can see the gap
        try (var replay = newHarness()) {
            arrive(replay, reading("R3", 0, "temperature", 20));
            arrive(replay, reading("R3", 40, "temperature", 20));
            replay.processWatermark(at(40));

            assertThat(events(replay)).isEqualTo(live);
            assertThat(replay.extractOutputValues()).isEqualTo(harness.extractOutputValues());
        }
        assertThat(live).extracting(AlertEvent::event, e -> e.alert().alertId()).containsExactly(
                tuple("opened", Alert.id("R3", AlertType.OFFLINE, at(15))),
                tuple("resolved", Alert.id("R3", AlertType.OFFLINE, at(15))));
    }

    @Test
    void aDevicesOwnTimeoutOverridesTheDefault() throws Exception {
        EvaluatedReading slow = reading("R9", 0, "temperature", 20);
        slow = new EvaluatedReading(slow.deviceId(), slow.ts(), "Roof", slow.temperature(), slow.vibration(), slow.battery(),
                slow.gas(), false, false, false, false, false, false, false, slow.batteryDropLimit(), 0, "", 60_000);
        arrive(harness, slow);

        othersReportUntil(harness, WALL + 59_999);
        assertThat(events(harness)).isEmpty();
        othersReportUntil(harness, WALL + 60_000);
        assertThat(events(harness)).extracting(e -> e.alert().openedAt(), e -> e.alert().message()).containsExactly(tuple(
                Instant.ofEpochMilli(at(60)),
                "No reading from R9 (Roof) since 2026-03-02 10:02:11 UTC (expected at least every 60 s)."
                        + " Check its power supply and network connection."));
    }

    @Test
    void anOfflineAlertOpenedBeforeARestoreResolvesAfterIt() throws Exception {
        arrive(harness, reading("R3", 0, "temperature", 20));
        harness.processWatermark(at(0));
        othersReportUntil(harness, WALL + 15_000);
        var snapshot = harness.snapshot(1, 1);

        try (var restored = restored(snapshot)) {
            restored.setProcessingTime(WALL + 30_000);
            arrive(restored, reading("R3", 50, "temperature", 20));
            restored.processWatermark(at(50));

            assertThat(events(restored)).extracting(AlertEvent::event, e -> e.alert().alertId(), e -> e.alert().resolvedAt())
                    .containsExactly(tuple("resolved", Alert.id("R3", AlertType.OFFLINE, at(15)), Instant.ofEpochMilli(at(50))));
        }
    }

    @Test
    void aDeviceSilentForTheRetentionIsForgottenWithItsTimers() throws Exception {
        arrive(harness, reading("R3", 0, "temperature", 20));
        harness.processWatermark(at(0));
        othersReportUntil(harness, WALL + 15_000);
        assertThat(keyedStateEntries(harness)).isEqualTo(1);
        assertThat(harness.numProcessingTimeTimers()).isEqualTo(1); // the retention timer

        harness.setProcessingTime(WALL + 15_000 + Duration.ofHours(1).toMillis());

        assertThat(keyedStateEntries(harness)).isZero();
        assertThat(harness.numProcessingTimeTimers()).isZero();
        assertThat(harness.numEventTimeTimers()).isZero();
        assertThat(events(harness)).extracting(AlertEvent::event).containsExactly("opened"); // stays open: still offline
    }

    @Test
    void aReturningDeviceCancelsItsRetentionTimer() throws Exception {
        arrive(harness, reading("R3", 0, "temperature", 20));
        othersReportUntil(harness, WALL + 15_000);
        othersReportUntil(harness, WALL + 20_000);
        arrive(harness, reading("R3", 20, "temperature", 20));

        assertThat(events(harness)).extracting(AlertEvent::event).containsExactly("opened", "resolved");
        assertThat(harness.numProcessingTimeTimers()).isEqualTo(1); // only the next deadline
    }

    @Test
    void aDeadlineThatPassedWhileTheJobWasDownGivesTheDeviceOneTimeoutFromTheRestart() throws Exception {
        arrive(harness, reading("R3", 0, "temperature", 20));
        arrive(harness, reading("R4", 0, "temperature", 20));
        harness.setProcessingTime(WALL + 5_000);
        var snapshot = harness.snapshot(1, 1);

        try (var restored = restored(snapshot)) {
            restored.setProcessingTime(WALL + 60_000); // back 55 s later: both deadlines passed while down
            assertThat(events(restored)).as("the job was away, not the devices").isEmpty();

            othersReportUntil(restored, WALL + 70_000);
            arrive(restored, reading("R4", 65, "temperature", 20)); // R4 reports within its grace
            othersReportUntil(restored, WALL + 75_000); // a timeout after the restart: R3 is silent
            assertThat(events(restored)).extracting(AlertEvent::event, e -> e.alert().deviceId(), e -> e.alert().openedAt())
                    .containsExactly(tuple("opened", "R3", Instant.ofEpochMilli(at(15))));
        }
    }

    @Test
    void aDelayedReadingFromInsideTheTimeoutNeverResolvesBeforeTheAlertOpened() throws Exception {
        arrive(harness, reading("R3", 0, "temperature", 20));
        othersReportUntil(harness, WALL + 15_000); // opened at reading 0 + 15 s
        arrive(harness, reading("R3", 5, "temperature", 20)); // sent at 5 s, held up on its way

        Alert resolved = events(harness).get(1).alert();
        assertThat(resolved.openedAt()).isEqualTo(Instant.ofEpochMilli(at(15)));
        assertThat(resolved.resolvedAt()).isEqualTo(resolved.openedAt());
    }
}

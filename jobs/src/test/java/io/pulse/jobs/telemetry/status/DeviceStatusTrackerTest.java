package io.pulse.jobs.telemetry.status;

import io.pulse.jobs.telemetry.alerts.Alert;
import io.pulse.jobs.telemetry.alerts.AlertEvent;
import io.pulse.jobs.telemetry.health.DeviceStatus;
import io.pulse.jobs.telemetry.quality.ScoredReading;
import io.pulse.jobs.telemetry.rules.AlertType;

import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.operators.co.KeyedCoProcessOperator;
import org.apache.flink.streaming.api.watermark.Watermark;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.KeyedTwoInputStreamOperatorTestHarness;
import org.apache.flink.streaming.util.ProcessFunctionTestHarnesses;
import org.apache.flink.util.OutputTag;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

class DeviceStatusTrackerTest {

    static final long T0 = Instant.parse("2026-03-02T10:00:00Z").toEpochMilli();

    private KeyedTwoInputStreamOperatorTestHarness<String, ScoredReading, AlertEvent, DeviceStatus> harness;

    @BeforeEach
    void open() throws Exception {
        harness = ProcessFunctionTestHarnesses.forKeyedCoProcessFunction(new DeviceStatusTracker(),
                ScoredReading::deviceId, e -> e.alert().deviceId(), Types.STRING);
    }

    @AfterEach
    void close() throws Exception {
        harness.close();
    }

    static long at(int seconds) {
        return T0 + seconds * 1000L;
    }

    void reading(String device, int seconds) throws Exception {
        harness.processElement1(new ScoredReading(device, at(seconds), Map.of("temperature", 20.0), Map.of(), Set.of()), at(seconds));
    }

    void event(AlertEvent event) throws Exception {
        harness.processElement2(event, event.alert().openedAt().toEpochMilli());
    }

    static Alert open(String device, AlertType type, int seconds) {
        return Alert.open(device, type, type.severity(), at(seconds), 1.0, "test");
    }

    /** The rows written since the last call. */
    List<DeviceStatus> rows() {
        List<DeviceStatus> rows = harness.extractOutputValues();
        harness.getOutput().clear();
        return rows;
    }

    <T> List<T> side(OutputTag<T> tag) {
        var out = harness.getSideOutput(tag);
        return out == null ? List.of() : out.stream().map(StreamRecord::getValue).toList();
    }

    static Instant time(int seconds) {
        return Instant.ofEpochMilli(at(seconds));
    }

    @Test
    void theFirstReadingWritesARowAndRegistersTheDeviceOnceAndLaterReadingsOnlyWhenLastSeenIsDue() throws Exception {
        reading("R1", 0);
        assertThat(rows()).containsExactly(new DeviceStatus("R1", time(0), true, 100, 0, time(0)));
        reading("R1", 5);
        assertThat(rows()).as("nothing a dashboard shows changed, last seen only 5 s later").isEmpty();
        reading("R1", 10);
        assertThat(rows()).containsExactly(new DeviceStatus("R1", time(10), true, 100, 0, time(10)));
        reading("R1", 15);
        assertThat(rows()).isEmpty();

        assertThat(side(DeviceStatusTracker.REGISTRATIONS)).containsExactly(Device.firstSeen("R1", time(0)));
        assertThat(side(DeviceStatusTracker.HEALTH_CHANGES)).as("only the first row changed health/online/open alerts")
                .extracting(DeviceStatus::updatedAt).containsExactly(time(0));
    }

    @Test
    void healthDropsWhileOverheatIsOpenAndComesBackWhenItResolves() throws Exception {
        reading("R1", 0);
        reading("R1", 5);
        rows();
        Alert overheat = open("R1", AlertType.OVERHEAT, 5);
        event(AlertEvent.opened(overheat));
        assertThat(rows()).extracting(DeviceStatus::health, DeviceStatus::openAlerts, DeviceStatus::online, DeviceStatus::lastSeenAt)
                .containsExactly(tuple(70, 1, true, time(5)));

        event(AlertEvent.opened(overheat)); // a replayed event changes nothing
        event(AlertEvent.escalated(overheat));
        reading("R1", 7);
        assertThat(rows()).isEmpty();

        event(AlertEvent.resolved(overheat.resolved(at(8), 70.0, "back")));
        assertThat(rows()).extracting(DeviceStatus::health, DeviceStatus::openAlerts, DeviceStatus::updatedAt)
                .containsExactly(tuple(100, 0, time(8)));
        assertThat(side(DeviceStatusTracker.HEALTH_CHANGES)).extracting(DeviceStatus::health).containsExactly(100, 70, 100);
    }

    @Test
    void aHealthChangeIsTimedAtItsCauseEvenWhenLaterReadingsCameFirst() throws Exception {
        reading("R1", 0);
        reading("R1", 5);
        reading("R1", 7); // the alert pipeline is behind the readings
        Alert overheat = open("R1", AlertType.OVERHEAT, 5);
        event(AlertEvent.opened(overheat));
        event(AlertEvent.resolved(overheat.resolved(at(8), 70.0, "back")));

        assertThat(side(DeviceStatusTracker.HEALTH_CHANGES)).extracting(DeviceStatus::health, DeviceStatus::updatedAt)
                .containsExactly(tuple(100, time(0)), tuple(70, time(5)), tuple(100, time(8)));
        assertThat(rows()).extracting(DeviceStatus::health, DeviceStatus::updatedAt)
                .as("the table's rows keep the device's clock").containsExactly(tuple(100, time(0)), tuple(70, time(7)), tuple(100, time(8)));
    }

    @Test
    void aDeviceIsOfflineWhileOfflineIsOpenEvenWhenItsNextReadingArrivesFirst() throws Exception {
        reading("C1", 0);
        rows();
        Alert offline = open("C1", AlertType.OFFLINE, 15);
        event(AlertEvent.opened(offline));
        assertThat(rows()).extracting(DeviceStatus::online, DeviceStatus::health, DeviceStatus::openAlerts)
                .containsExactly(tuple(false, 100, 1));

        // The reading that ends the gap comes before the lifecycle's "resolved": last seen moves, still offline.
        reading("C1", 40);
        assertThat(rows()).extracting(DeviceStatus::online, DeviceStatus::lastSeenAt).containsExactly(tuple(false, time(40)));
        event(AlertEvent.resolved(offline.resolved(at(40), 25.0, "back")));
        assertThat(rows()).extracting(DeviceStatus::online, DeviceStatus::openAlerts, DeviceStatus::lastSeenAt)
                .containsExactly(tuple(true, 0, time(40)));
    }

    @Test
    void aBatteryDropCostsTenPointsForFiveMinutesEvenWhenNothingElseHappens() throws Exception {
        reading("B1", 0);
        rows();
        Alert drop = open("B1", AlertType.BATTERY_DROP, 1);
        event(AlertEvent.opened(drop));
        event(AlertEvent.resolved(drop.resolved(at(2), 50.0, "over")));
        assertThat(rows()).extracting(DeviceStatus::health, DeviceStatus::openAlerts).containsExactly(tuple(90, 1), tuple(90, 0));

        harness.processBothWatermarks(new Watermark(at(1) + Duration.ofMinutes(5).toMillis()));
        assertThat(rows()).as("still within the window").isEmpty();
        harness.processBothWatermarks(new Watermark(at(1) + Duration.ofMinutes(5).toMillis() + 1));
        assertThat(rows()).extracting(DeviceStatus::health, DeviceStatus::lastSeenAt).containsExactly(tuple(100, time(0)));
    }

    @Test
    void alertEventsBeforeAnyReadingWriteNothingUntilTheFirstReading() throws Exception {
        event(AlertEvent.opened(open("X1", AlertType.LOW_BATTERY, 0)));
        assertThat(rows()).isEmpty();
        reading("X1", 1);
        assertThat(rows()).extracting(DeviceStatus::health, DeviceStatus::openAlerts).containsExactly(tuple(80, 1));
    }

    @Test
    void stateSurvivesASnapshotAndRestore() throws Exception {
        reading("R1", 0);
        event(AlertEvent.opened(open("R1", AlertType.OVERHEAT, 0)));
        var snapshot = harness.snapshot(1, 1);
        harness.close();
        harness = new KeyedTwoInputStreamOperatorTestHarness<>(new KeyedCoProcessOperator<>(new DeviceStatusTracker()),
                ScoredReading::deviceId, e -> e.alert().deviceId(), Types.STRING);
        harness.initializeState(snapshot);
        harness.open();
        reading("R1", 5);
        assertThat(rows()).as("nothing changed and last seen not due").isEmpty();
        assertThat(side(DeviceStatusTracker.REGISTRATIONS)).as("registered once per device, not again after a restore").isEmpty();
    }
}

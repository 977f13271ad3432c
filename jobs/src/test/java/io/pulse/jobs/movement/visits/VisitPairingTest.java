package io.pulse.jobs.movement.visits;

import io.pulse.jobs.movement.direction.Direction;
import io.pulse.jobs.movement.direction.MovementEvent;
import io.pulse.jobs.movement.occupancy.OccupancyChange;

import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.apache.flink.streaming.util.ProcessFunctionTestHarnesses;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.pulse.jobs.movement.MovementFixtures.ALICE;
import static io.pulse.jobs.movement.MovementFixtures.BOB;
import static io.pulse.jobs.movement.MovementFixtures.at;
import static io.pulse.jobs.movement.MovementFixtures.event;
import static org.assertj.core.api.Assertions.assertThat;

class VisitPairingTest {

    private static final double HOUR = 3600;

    private KeyedOneInputStreamOperatorTestHarness<String, MovementEvent, Visit> harness;

    @AfterEach
    void close() throws Exception {
        if (harness != null) {
            harness.close();
        }
    }

    private void open(QuietHours quiet) throws Exception {
        harness = ProcessFunctionTestHarnesses.forKeyedProcessFunction(new VisitPairing(VisitSettings.contract(quiet)),
                MovementEvent::personId, Types.STRING);
    }

    private void send(MovementEvent e) throws Exception {
        harness.processElement(new StreamRecord<>(e, e.ts()));
    }

    private List<Anomaly> anomalies() {
        return harness.getSideOutput(VisitPairing.ANOMALIES) == null ? List.of()
                : harness.getSideOutput(VisitPairing.ANOMALIES).stream().map(StreamRecord::getValue).toList();
    }

    private List<OccupancyChange> occupancy() {
        return harness.getSideOutput(VisitPairing.OCCUPANCY).stream().map(StreamRecord::getValue).toList();
    }

    @Test
    void anEntryOpensAVisitAndTheExitClosesItWithTheDwellAndNothingOfThePersonIsKept() throws Exception {
        open(null);
        send(event(ALICE, "main", Direction.ENTRY, 0));
        harness.processWatermark(at(10));
        assertThat(harness.extractOutputValues()).containsExactly(new Visit(ALICE, at(0), null, "main", null, null, false));
        assertThat(harness.numKeyedStateEntries()).isEqualTo(1); // the open visit, nothing else

        send(event(ALICE, "east", Direction.EXIT, 2 * HOUR + 5.5));
        harness.processWatermark(at(3 * HOUR));
        assertThat(harness.extractOutputValues()).last()
                .isEqualTo(new Visit(ALICE, at(0), at(2 * HOUR + 5.5), "main", "east", 7205L, false));
        assertThat(occupancy()).containsExactly(new OccupancyChange("main", at(0), 1),
                new OccupancyChange("main", at(2 * HOUR + 5.5), -1));
        assertThat(anomalies()).isEmpty();
        assertThat(harness.numKeyedStateEntries()).as("state after the visit closed").isZero();
        assertThat(harness.numEventTimeTimers()).as("timers after the visit closed").isZero();
    }

    @Test
    void anEntryWhileInsideIsIgnoredAndAnExitWhileOutsideIsAnOrphan() throws Exception {
        open(null);
        send(event(ALICE, "main", Direction.ENTRY, 0));
        send(event(ALICE, "east", Direction.ENTRY, 100));
        send(event(ALICE, "main", Direction.EXIT, 200));
        send(event(BOB, "east", Direction.EXIT, 300));
        harness.processWatermark(at(1000));
        assertThat(harness.extractOutputValues()).containsExactly(
                new Visit(ALICE, at(0), null, "main", null, null, false),
                new Visit(ALICE, at(0), at(200), "main", "main", 200L, false));
        assertThat(anomalies()).containsExactly(new Anomaly(BOB, at(300), Anomaly.Kind.ORPHAN_EXIT, "east", "exit without an entry"));
        assertThat(harness.numKeyedStateEntries()).isZero();
    }

    @Test
    void eventsOutOfOrderWithinTheToleranceArePairedInEventTimeOrder() throws Exception {
        open(null);
        send(event(ALICE, "main", Direction.EXIT, 120));  // arrives 25 s before the entry it closes
        send(event(ALICE, "main", Direction.ENTRY, 95));
        harness.processWatermark(at(90));
        send(event(ALICE, "main", Direction.ENTRY, 91));  // earlier still: it opens, 95 is ignored
        harness.processWatermark(at(200));
        assertThat(harness.extractOutputValues()).containsExactly(
                new Visit(ALICE, at(91), null, "main", null, null, false),
                new Visit(ALICE, at(91), at(120), "main", "main", 29L, false));
        assertThat(anomalies()).isEmpty();
    }

    @Test
    void aVisitOpenSixteenHoursClosesWithExitUnseenAfterAnOverstayAtTwelve() throws Exception {
        open(null);
        send(event(ALICE, "main", Direction.ENTRY, 0));
        harness.processWatermark(at(12 * HOUR));
        assertThat(anomalies()).containsExactly(new Anomaly(ALICE, at(12 * HOUR), Anomaly.Kind.OVERSTAY, "main",
                "inside longer than 12 h (entered 2026-03-02T08:00:00Z)"));
        harness.processWatermark(at(16 * HOUR));
        assertThat(harness.extractOutputValues()).last().isEqualTo(new Visit(ALICE, at(0), null, "main", null, null, true));
        assertThat(occupancy()).last().isEqualTo(new OccupancyChange("main", at(16 * HOUR), -1));
        assertThat(harness.numKeyedStateEntries()).isZero();
        assertThat(harness.numEventTimeTimers()).isZero();

        send(event(ALICE, "main", Direction.EXIT, 16 * HOUR + 60)); // the exit seen at last: an orphan now
        harness.processWatermark(at(17 * HOUR));
        assertThat(anomalies()).last().extracting(Anomaly::kind).isEqualTo(Anomaly.Kind.ORPHAN_EXIT);
    }

    @Test
    void presenceInQuietHoursIsAnAnomalyAtTheirStartOrAtAnEntryDuringThem() throws Exception {
        open(QuietHours.parse("01:00-05:00"));
        // T0 is 08:00 UTC: 17 h later is 01:00 the next day
        send(event(ALICE, "main", Direction.ENTRY, 15 * HOUR));       // 23:00, still inside at 01:00
        send(event(BOB, "main", Direction.ENTRY, 18 * HOUR + 60));    // 02:01, during quiet hours
        harness.processWatermark(at(17 * HOUR + 60));
        send(event(ALICE, "main", Direction.EXIT, 17 * HOUR + 120));
        send(event(BOB, "main", Direction.EXIT, 18 * HOUR + 120));
        harness.processWatermark(at(20 * HOUR));
        assertThat(anomalies()).containsExactly(
                new Anomaly(ALICE, at(17 * HOUR), Anomaly.Kind.QUIET_HOURS, "main", "inside when quiet hours began (entered 2026-03-02T23:00:00Z)"),
                new Anomaly(BOB, at(18 * HOUR + 60), Anomaly.Kind.QUIET_HOURS, "main", "entered during quiet hours"));
        assertThat(harness.numKeyedStateEntries()).isZero();
        assertThat(harness.numEventTimeTimers()).isZero();
    }
}

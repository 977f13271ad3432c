package io.pulse.jobs.movement.direction;

import io.pulse.jobs.ingest.RejectedMessage;
import io.pulse.jobs.movement.ingest.GateRole;
import io.pulse.jobs.movement.ingest.Sighting;

import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.apache.flink.streaming.util.ProcessFunctionTestHarnesses;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static io.pulse.jobs.movement.MovementFixtures.ALICE;
import static io.pulse.jobs.movement.MovementFixtures.BOB;
import static io.pulse.jobs.movement.MovementFixtures.at;
import static io.pulse.jobs.movement.MovementFixtures.sighting;
import static org.assertj.core.api.Assertions.assertThat;

class DebounceTest {

    private KeyedOneInputStreamOperatorTestHarness<String, Sighting, Sighting> harness;

    @BeforeEach
    void open() throws Exception {
        harness = ProcessFunctionTestHarnesses.forKeyedProcessFunction(new Debounce(Duration.ofSeconds(60)),
                Sighting::personAtScanner, Types.STRING);
    }

    @AfterEach
    void close() throws Exception {
        harness.close();
    }

    private void send(Sighting s) throws Exception {
        harness.processElement(new StreamRecord<>(s, s.ts()));
    }

    private List<Long> keptTimes() {
        return harness.extractOutputValues().stream().map(Sighting::ts).toList();
    }

    @Test
    void lingeringAtAScannerMakesOneEventMeasuredFromThePreviousSightingKeptOrDropped() throws Exception {
        for (int s : new int[] {0, 30, 50, 100, 170, 229, 300}) {
            send(sighting(ALICE, "main", "main-in-1", GateRole.IN, s));
        }
        harness.processWatermark(at(1000));
        // 30, 50, 100 each within 60 s of the one before; 170 is 70 s after 100; 229 within 60 of 170; 300 is 71 after 229
        assertThat(keptTimes()).containsExactly(at(0), at(170), at(300));
    }

    @Test
    void otherScannersAndOtherPeopleAreJudgedApart() throws Exception {
        send(sighting(ALICE, "main", "main-in-1", GateRole.IN, 0));
        send(sighting(ALICE, "main", "main-in-2", GateRole.IN, 10));
        send(sighting(BOB, "main", "main-in-1", GateRole.IN, 20));
        harness.processWatermark(at(100));
        assertThat(keptTimes()).containsExactly(at(0), at(10), at(20));
    }

    @Test
    void sightingsOutOfOrderWithinTheToleranceAreJudgedInEventTimeOrder() throws Exception {
        send(sighting(ALICE, "main", "main-in-1", GateRole.IN, 50)); // arrives first, but is the later one
        send(sighting(ALICE, "main", "main-in-1", GateRole.IN, 25));
        harness.processWatermark(at(20));
        send(sighting(ALICE, "main", "main-in-1", GateRole.IN, 21));
        harness.processWatermark(at(500));
        assertThat(keptTimes()).containsExactly(at(21));
    }

    @Test
    void aSightingBehindTheWatermarkIsRefusedAsLateWithoutItsMac() throws Exception {
        harness.processWatermark(at(100));
        send(sighting(ALICE, "main", "main-in-1", GateRole.IN, 60));
        assertThat(harness.extractOutputValues()).isEmpty();
        List<RejectedMessage> late = harness.getSideOutput(Debounce.LATE).stream().map(StreamRecord::getValue).toList();
        assertThat(late).hasSize(1);
        assertThat(late.get(0).reason()).isEqualTo("late: more than the tolerated 30 s behind event time");
        assertThat(late.get(0).topic()).isEqualTo("campus/gates/main/sightings");
        assertThat(late.get(0).payloadAsText()).contains(ALICE).contains("\"role\":\"in\"");
    }

    @Test
    void nothingIsKeptOnceTheWindowAfterTheLastSightingHasPassed() throws Exception {
        send(sighting(ALICE, "main", "main-in-1", GateRole.IN, 0));
        send(sighting(ALICE, "main", "main-in-1", GateRole.IN, 30));
        harness.processWatermark(at(40));
        assertThat(harness.numKeyedStateEntries()).isPositive();
        harness.processWatermark(at(90));
        assertThat(harness.numKeyedStateEntries()).isZero();
        assertThat(harness.numEventTimeTimers()).isZero();
    }
}

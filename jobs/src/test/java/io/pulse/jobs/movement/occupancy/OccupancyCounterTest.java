package io.pulse.jobs.movement.occupancy;

import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.apache.flink.streaming.util.ProcessFunctionTestHarnesses;
import org.junit.jupiter.api.Test;

import static io.pulse.jobs.movement.MovementFixtures.at;
import static org.assertj.core.api.Assertions.assertThat;

class OccupancyCounterTest {

    @Test
    void theCountIsWrittenAtEveryChangeInTimeOrderAndAtEveryMinute() throws Exception {
        try (KeyedOneInputStreamOperatorTestHarness<String, OccupancyChange, Occupancy> harness =
                     ProcessFunctionTestHarnesses.forKeyedProcessFunction(new OccupancyCounter(), OccupancyChange::gate, Types.STRING)) {
            harness.processElement(new StreamRecord<>(new OccupancyChange("main", at(20), 1), at(20)));
            harness.processElement(new StreamRecord<>(new OccupancyChange("main", at(10), 1), at(10)));
            harness.processElement(new StreamRecord<>(new OccupancyChange("main", at(90), -1), at(90)));
            harness.processWatermark(at(150));
            assertThat(harness.extractOutputValues()).containsExactly(
                    new Occupancy("main", at(10), 1), new Occupancy("main", at(20), 2),
                    new Occupancy("main", at(60), 2), new Occupancy("main", at(90), 1),
                    new Occupancy("main", at(120), 1));
        }
    }

    @Test
    void aChangeExactlyAtAMinuteBoundaryIsInThatMinutesRow() throws Exception {
        try (KeyedOneInputStreamOperatorTestHarness<String, OccupancyChange, Occupancy> harness =
                     ProcessFunctionTestHarnesses.forKeyedProcessFunction(new OccupancyCounter(), OccupancyChange::gate, Types.STRING)) {
            harness.processElement(new StreamRecord<>(new OccupancyChange("main", at(10), 1), at(10)));
            harness.processElement(new StreamRecord<>(new OccupancyChange("main", at(10.5), 1), at(10.5)));
            harness.processElement(new StreamRecord<>(new OccupancyChange("main", at(60), -1), at(60)));
            harness.processElement(new StreamRecord<>(new OccupancyChange("main", at(60.5), -1), at(60.5)));
            harness.processWatermark(at(90));
            assertThat(harness.extractOutputValues()).as("every row at 60 s says 1").containsExactly(
                    new Occupancy("main", at(10.5), 2), new Occupancy("main", at(60), 1),
                    new Occupancy("main", at(60), 1), new Occupancy("main", at(60.5), 0));
        }
    }

    @Test
    void changesWithinOneSecondMakeOneRowAtTheLastOfThem() throws Exception {
        try (KeyedOneInputStreamOperatorTestHarness<String, OccupancyChange, Occupancy> harness =
                     ProcessFunctionTestHarnesses.forKeyedProcessFunction(new OccupancyCounter(), OccupancyChange::gate, Types.STRING)) {
            harness.processElement(new StreamRecord<>(new OccupancyChange("*", at(5.1), 1), at(5.1)));
            harness.processElement(new StreamRecord<>(new OccupancyChange("*", at(5.7), 1), at(5.7)));
            harness.processElement(new StreamRecord<>(new OccupancyChange("*", at(5.3), 1), at(5.3)));
            harness.processElement(new StreamRecord<>(new OccupancyChange("*", at(7.2), 1), at(7.2)));
            harness.processElement(new StreamRecord<>(new OccupancyChange("*", at(7.4), -1), at(7.4)));
            harness.processWatermark(at(30));
            assertThat(harness.extractOutputValues()).containsExactly(new Occupancy("*", at(5.7), 3));
        }
    }

    @Test
    void theMinuteRowsStartAfterTheEarliestChangeWhateverOrderTheyArriveIn() throws Exception {
        try (KeyedOneInputStreamOperatorTestHarness<String, OccupancyChange, Occupancy> harness =
                     ProcessFunctionTestHarnesses.forKeyedProcessFunction(new OccupancyCounter(), OccupancyChange::gate, Types.STRING)) {
            harness.processElement(new StreamRecord<>(new OccupancyChange("*", at(185), 1), at(185)));
            harness.processElement(new StreamRecord<>(new OccupancyChange("*", at(5), 1), at(5)));
            harness.processWatermark(at(200));
            assertThat(harness.extractOutputValues()).containsExactly(
                    new Occupancy("*", at(5), 1), new Occupancy("*", at(60), 1), new Occupancy("*", at(120), 1),
                    new Occupancy("*", at(180), 1), new Occupancy("*", at(185), 2));
            assertThat(harness.numEventTimeTimers()).isEqualTo(1); // the next minute
        }
    }

    @Test
    void theEndOfInputEndsTheMinuteRows() throws Exception {
        try (KeyedOneInputStreamOperatorTestHarness<String, OccupancyChange, Occupancy> harness =
                     ProcessFunctionTestHarnesses.forKeyedProcessFunction(new OccupancyCounter(), OccupancyChange::gate, Types.STRING)) {
            harness.processElement(new StreamRecord<>(new OccupancyChange("main", at(10), 1), at(10)));
            harness.processWatermark(Long.MAX_VALUE);
            assertThat(harness.extractOutputValues()).containsExactly(
                    new Occupancy("main", at(10), 1), new Occupancy("main", at(60), 1));
            assertThat(harness.numEventTimeTimers()).isZero();
        }
    }
}

package io.pulse.jobs.pipeline;

import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.runtime.checkpoint.OperatorSubtaskState;
import org.apache.flink.streaming.api.operators.KeyedProcessOperator;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class PipelineHealthTest {

    private static final long EIGHT = 1_780_000_000_000L / 3_600_000 * 3_600_000;

    private KeyedOneInputStreamOperatorTestHarness<String, PipelineCounts, PipelineHealthRow> harness;

    @BeforeEach
    void open() throws Exception {
        harness = new KeyedOneInputStreamOperatorTestHarness<>(new KeyedProcessOperator<>(new PipelineHealth()),
                PipelineCounts::jobSubtask, Types.STRING);
        harness.setProcessingTime(EIGHT + 10_000);
        harness.open();
    }

    @AfterEach
    void close() throws Exception {
        harness.close();
    }

    private PipelineHealthRow lastRow() {
        var rows = harness.extractOutputValues();
        return rows.get(rows.size() - 1);
    }

    @Test
    void sumsEveryTapsDeltasIntoTheMinutesRow() throws Exception {
        harness.processElement(new PipelineCounts("energy", 1, EIGHT, 10, 0, 0, 0, 0), 0);
        harness.processElement(new PipelineCounts("energy", 1, EIGHT, 2, 0, 2, 0, 0), 0);
        harness.processElement(new PipelineCounts("energy", 1, EIGHT, 0, 0, 1, 1, 0), 0);
        harness.processElement(new PipelineCounts("energy", 1, EIGHT, 0, 0, 0, 0, 3), 0);
        harness.processElement(new PipelineCounts("energy", 1, EIGHT, 0, 6, 0, 0, 0), 0);

        assertThat(lastRow()).isEqualTo(new PipelineHealthRow("energy", 1, Instant.ofEpochMilli(EIGHT),
                12, 6, 3, 1, 3, null, Instant.ofEpochMilli(EIGHT + 10_000)));
        assertThat(harness.extractOutputValues()).as("a row after each delta").hasSize(5);
    }

    @Test
    void subtasksAndMinutesHaveRowsOfTheirOwn() throws Exception {
        harness.processElement(new PipelineCounts("energy", 0, EIGHT, 5, 0, 0, 0, 0), 0);
        harness.processElement(new PipelineCounts("energy", 1, EIGHT, 7, 0, 0, 0, 0), 0);
        harness.processElement(new PipelineCounts("energy", 0, EIGHT + 60_000, 1, 0, 0, 0, 0), 0);
        assertThat(harness.extractOutputValues()).extracting(PipelineHealthRow::subtask, PipelineHealthRow::recordsIn)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(0, 5L), org.assertj.core.groups.Tuple.tuple(1, 7L),
                        org.assertj.core.groups.Tuple.tuple(0, 1L));
    }

    @Test
    void aCompletedCheckpointIsInTheRowsAfterIt() throws Exception {
        harness.processElement(new PipelineCounts("movement", 0, EIGHT, 1, 0, 0, 0, 0), 0);
        assertThat(lastRow().lastCheckpointAt()).as("none completed in this run yet").isNull();
        Instant before = Instant.now();
        harness.notifyOfCompletedCheckpoint(1);
        harness.processElement(new PipelineCounts("movement", 0, EIGHT, 1, 0, 0, 0, 0), 0);
        assertThat(lastRow().lastCheckpointAt()).isBetween(before, Instant.now());
        assertThat(lastRow().recordsIn()).isEqualTo(2);
    }

    @Test
    void aMinuteIsDroppedThreeMinutesLaterAndItsTimerWithIt() throws Exception {
        harness.processElement(new PipelineCounts("telemetry", 0, EIGHT, 4, 0, 0, 0, 0), 0);
        harness.processElement(new PipelineCounts("telemetry", 0, EIGHT, 1, 0, 0, 0, 0), 0);
        assertThat(harness.numProcessingTimeTimers()).as("one per minute and key").isEqualTo(1);
        assertThat(harness.numKeyedStateEntries()).isEqualTo(1);

        harness.setProcessingTime(EIGHT + 3 * 60_000);
        assertThat(harness.numKeyedStateEntries()).isZero();
        assertThat(harness.numProcessingTimeTimers()).isZero();

        harness.processElement(new PipelineCounts("telemetry", 0, EIGHT + 3 * 60_000, 1, 0, 0, 0, 0), 0);
        assertThat(lastRow().recordsIn()).as("a new minute starts from its own counts").isEqualTo(1);
    }

    @Test
    void afterARestoreAMinutesLastRowIsItsCheckpointedTotal() throws Exception {
        harness.processElement(new PipelineCounts("telemetry", 0, EIGHT, 4, 0, 0, 0, 0), 0);
        OperatorSubtaskState checkpoint = harness.snapshot(1, EIGHT + 20_000);
        // counted after the checkpoint, written, then lost with the failed attempt
        harness.processElement(new PipelineCounts("telemetry", 0, EIGHT, 3, 0, 0, 0, 0), 0);
        assertThat(lastRow().recordsIn()).isEqualTo(7);
        harness.close();

        harness = new KeyedOneInputStreamOperatorTestHarness<>(new KeyedProcessOperator<>(new PipelineHealth()),
                PipelineCounts::jobSubtask, Types.STRING);
        harness.setProcessingTime(EIGHT + 30_000);
        harness.initializeState(checkpoint);
        harness.open();
        harness.setProcessingTime(EIGHT + 3 * 60_000);

        assertThat(harness.extractOutputValues()).as("the dropped minute's last row").extracting(PipelineHealthRow::recordsIn)
                .containsExactly(4L);
        assertThat(harness.numKeyedStateEntries()).isZero();
        assertThat(harness.numProcessingTimeTimers()).isZero();
    }
}

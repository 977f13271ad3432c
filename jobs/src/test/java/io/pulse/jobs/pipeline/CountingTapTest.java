package io.pulse.jobs.pipeline;

import org.apache.flink.runtime.checkpoint.OperatorSubtaskState;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.OneInputStreamOperatorTestHarness;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Queue;

import static org.assertj.core.api.Assertions.assertThat;

class CountingTapTest {

    /** 08:00:00 UTC on some day, in ms. */
    private static final long EIGHT = 1_780_000_000_000L / 3_600_000 * 3_600_000;

    private OneInputStreamOperatorTestHarness<String, String> harness;

    @AfterEach
    void close() throws Exception {
        if (harness != null) {
            harness.close();
        }
    }

    private void open(CountedAs countedAs, long now) throws Exception {
        harness = new OneInputStreamOperatorTestHarness<>(new CountingTap<String>("telemetry", countedAs));
        harness.setProcessingTime(now);
        harness.open();
    }

    private List<PipelineCounts> counts() {
        Queue<StreamRecord<PipelineCounts>> side = harness.getSideOutput(CountingTap.COUNTS);
        return side == null ? List.of() : side.stream().map(StreamRecord::getValue).toList();
    }

    @Test
    void passesEveryRecordOnAndReportsTheMinutesCountEveryTenSeconds() throws Exception {
        open(CountedAs.RECEIVED, EIGHT + 1_000);
        harness.processElement("a", 0);
        harness.processElement("b", 0);
        assertThat(harness.extractOutputValues()).containsExactly("a", "b");
        assertThat(counts()).as("nothing before the report").isEmpty();

        harness.setProcessingTime(EIGHT + 10_000);
        assertThat(counts()).containsExactly(new PipelineCounts("telemetry", 0, EIGHT, 2, 0, 0, 0, 0));
        assertThat(harness.getProcessingTimeService().getNumActiveTimers()).as("the next report").isEqualTo(1);
    }

    @Test
    void aNewMinuteReportsTheOldOneFirst() throws Exception {
        open(CountedAs.INVALID, EIGHT + 59_000);
        harness.processElement("a", 0);
        harness.setProcessingTime(EIGHT + 60_500); // the timer at 60 s closes the minute
        harness.processElement("b", 0);
        harness.processElement("c", 0);
        harness.setProcessingTime(EIGHT + 70_000);
        assertThat(counts()).containsExactly(
                new PipelineCounts("telemetry", 0, EIGHT, 1, 0, 1, 0, 0),
                new PipelineCounts("telemetry", 0, EIGHT + 60_000, 2, 0, 2, 0, 0));
    }

    @Test
    void reportsBeforeEveryCheckpointBarrierSoARestoreCountsOnlyWhatIsReplayed() throws Exception {
        open(CountedAs.LATE, EIGHT);
        harness.processElement("a", 0);
        harness.prepareSnapshotPreBarrier(1);
        OperatorSubtaskState snapshot = harness.snapshot(1, EIGHT);
        assertThat(counts()).containsExactly(new PipelineCounts("telemetry", 0, EIGHT, 0, 0, 1, 1, 0));
        harness.processElement("b", 0); // lost with the task: replayed after the restore
        harness.close();

        harness = new OneInputStreamOperatorTestHarness<>(new CountingTap<String>("telemetry", CountedAs.LATE));
        harness.setProcessingTime(EIGHT + 5_000);
        harness.initializeState(snapshot);
        harness.open();
        harness.processElement("b", 0);
        harness.setProcessingTime(EIGHT + 10_000);
        assertThat(counts()).containsExactly(new PipelineCounts("telemetry", 0, EIGHT, 0, 0, 1, 1, 0));
    }

    @Test
    void onlyTheReceivedTapReportsAQuietMinute() throws Exception {
        open(CountedAs.DUPLICATE, EIGHT);
        harness.setProcessingTime(EIGHT + 30_000);
        assertThat(counts()).as("a quiet duplicate tap").isEmpty();
        harness.close();

        open(CountedAs.RECEIVED, EIGHT);
        harness.setProcessingTime(EIGHT + 10_000);
        assertThat(counts()).as("the job is running, and says so")
                .containsExactly(PipelineCounts.none("telemetry", 0, EIGHT));
    }
}

package io.pulse.jobs.pipeline;

import org.apache.flink.api.common.operators.ProcessingTimeService.ProcessingTimeCallback;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.streaming.api.operators.AbstractStreamOperator;
import org.apache.flink.streaming.api.operators.OneInputStreamOperator;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.util.OutputTag;

/**
 * Passes every record on unchanged and counts it, as {@link CountedAs} says, into the current
 * wall-clock minute. The counts leave as one small {@link PipelineCounts} on {@link #COUNTS} every
 * {@value #REPORT_EVERY_MS} ms, when the minute changes and before every checkpoint barrier: so a
 * restored job has counted exactly the records before its checkpoint and counts the replayed ones
 * again. A {@link CountedAs#RECEIVED} tap also reports while nothing comes, so a quiet job's
 * minutes still show it running.
 */
public final class CountingTap<T> extends AbstractStreamOperator<T>
        implements OneInputStreamOperator<T, T>, ProcessingTimeCallback {

    private static final long serialVersionUID = 1L;

    public static final OutputTag<PipelineCounts> COUNTS =
            new OutputTag<>("pipeline-counts", TypeInformation.of(PipelineCounts.class));
    static final long REPORT_EVERY_MS = 10_000;
    private static final long MINUTE_MS = 60_000;

    private final String job;
    private final CountedAs countedAs;

    private transient int subtask;
    private transient long minuteStart;
    private transient long records;

    public CountingTap(String job, CountedAs countedAs) {
        this.job = job;
        this.countedAs = countedAs;
    }

    @Override
    public void open() throws Exception {
        super.open();
        subtask = getRuntimeContext().getTaskInfo().getIndexOfThisSubtask();
        long now = getProcessingTimeService().getCurrentProcessingTime();
        minuteStart = minuteOf(now);
        scheduleReport(now);
    }

    @Override
    public void processElement(StreamRecord<T> element) {
        long minute = minuteOf(getProcessingTimeService().getCurrentProcessingTime());
        if (minute != minuteStart) {
            report();
            minuteStart = minute;
        }
        records++;
        output.collect(element);
    }

    @Override
    public void onProcessingTime(long time) {
        long minute = minuteOf(time);
        if (minute != minuteStart) {
            report();
            minuteStart = minute;
        }
        if (records > 0 || countedAs == CountedAs.RECEIVED) {
            report();
        }
        scheduleReport(time);
    }

    @Override
    public void prepareSnapshotPreBarrier(long checkpointId) throws Exception {
        super.prepareSnapshotPreBarrier(checkpointId);
        report();
    }

    @Override
    public void finish() throws Exception {
        report();
        super.finish();
    }

    private void report() {
        if (records == 0 && countedAs != CountedAs.RECEIVED) {
            return;
        }
        output.collect(COUNTS, new StreamRecord<>(new PipelineCounts(job, subtask, minuteStart,
                records * countedAs.recordsIn, records * countedAs.accepted, records * countedAs.rejected,
                records * countedAs.late, records * countedAs.duplicates)));
        records = 0;
    }

    private void scheduleReport(long now) {
        getProcessingTimeService().registerTimer((now / REPORT_EVERY_MS + 1) * REPORT_EVERY_MS, this);
    }

    private static long minuteOf(long epochMs) {
        return Math.floorDiv(epochMs, MINUTE_MS) * MINUTE_MS;
    }
}

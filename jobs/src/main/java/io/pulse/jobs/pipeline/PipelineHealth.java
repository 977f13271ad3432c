package io.pulse.jobs.pipeline;

import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.CheckpointListener;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;

import java.time.Instant;
import java.util.Iterator;
import java.util.Map;

/**
 * Keyed by job and subtask ({@link PipelineCounts#jobSubtask()}): adds the taps' deltas into
 * per-minute totals and emits the minute's {@link PipelineHealthRow} after each, with when the
 * newest checkpoint completed. The totals are keyed state, so they survive a restore together
 * with the taps' position. A minute is kept {@value #KEEP_MINUTES} minutes (a straggling delta
 * still adds to it), then dropped by a timer, which writes its row once more: after a restore, the
 * rows the failed attempt wrote may count what the restored job counts again (the replayed
 * messages, in a later minute); the minute's last row is its checkpointed total, so every minute
 * is exact once it is dropped.
 */
public final class PipelineHealth extends KeyedProcessFunction<String, PipelineCounts, PipelineHealthRow>
        implements CheckpointListener {

    private static final long serialVersionUID = 1L;

    static final int KEEP_MINUTES = 3;
    private static final long MINUTE_MS = 60_000;

    private transient MapState<Long, PipelineCounts> minutes;
    private transient Instant lastCheckpointAt;

    @Override
    public void open(OpenContext openContext) {
        minutes = getRuntimeContext().getMapState(
                new MapStateDescriptor<>("minutes", Types.LONG, TypeInformation.of(PipelineCounts.class)));
    }

    @Override
    public void processElement(PipelineCounts delta, Context ctx, Collector<PipelineHealthRow> out) throws Exception {
        PipelineCounts total = minutes.get(delta.minuteStart());
        total = total == null ? delta : total.plus(delta);
        minutes.put(delta.minuteStart(), total);
        // The same time for every delta of a minute: one timer per minute and key.
        ctx.timerService().registerProcessingTimeTimer(delta.minuteStart() + KEEP_MINUTES * MINUTE_MS);
        out.collect(PipelineHealthRow.of(total, lastCheckpointAt, Instant.ofEpochMilli(ctx.timerService().currentProcessingTime())));
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<PipelineHealthRow> out) throws Exception {
        long oldestKept = timestamp - KEEP_MINUTES * MINUTE_MS;
        for (Iterator<Map.Entry<Long, PipelineCounts>> it = minutes.iterator(); it.hasNext(); ) {
            Map.Entry<Long, PipelineCounts> minute = it.next();
            if (minute.getKey() <= oldestKept) {
                out.collect(PipelineHealthRow.of(minute.getValue(), lastCheckpointAt, Instant.ofEpochMilli(timestamp)));
                it.remove();
            }
        }
        if (minutes.isEmpty()) {
            minutes.clear(); // an emptied map is still an entry until cleared
        }
    }

    @Override
    public void notifyCheckpointComplete(long checkpointId) {
        lastCheckpointAt = Instant.now();
    }
}

package io.pulse.jobs.telemetry.quality;

import io.pulse.jobs.ingest.ParseStep;
import io.pulse.jobs.ingest.RejectedMessage;
import io.pulse.jobs.telemetry.Reading;
import io.pulse.jobs.telemetry.SortedTimes;

import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;

import java.time.Instant;

/**
 * Keyed by device id, on event time: passes each (deviceId, ts) once and refuses late readings.
 *
 * <ul>
 *   <li>A repeat of a reading seen within the dedup horizon is dropped and counted in
 *       {@code duplicateReadings} (and sent to {@link #DUPLICATES} to be counted). Repeats are normal under at-least-once delivery, so they are not
 *       rejected rows. The seen times are keyed state, so this holds across a restore too.</li>
 *   <li>A reading with {@code ts + allowedLateness <= watermark} is late: counted in
 *       {@code lateReadings} and sent to {@link #REJECTED} with reason {@value #LATE}. So is one
 *       at or before the times already forgotten: they were late when forgotten (the horizon is at
 *       least the lateness). This matters after a restore, when the watermark starts from nothing
 *       and the broker may redeliver old readings: without it, one older than the horizon would
 *       pass as new and be scored out of order.</li>
 * </ul>
 *
 * State per device: the times of readings not yet {@code dedupHorizon} behind the watermark
 * ({@link SortedTimes}, 8 bytes each) with one event-time timer that prunes them, gone once a
 * device has been silent for the horizon; and the time up to which older ones were forgotten,
 * kept as long as the z-score history it protects ({@code historyRetention}) and then cleared by
 * a timer.
 */
public final class DedupAndLateFilter extends KeyedProcessFunction<String, Reading, Reading> {

    private static final long serialVersionUID = 1L;

    /** The jobs' one side output for refused input, so the lead can union it with the parser's. */
    public static final OutputTag<RejectedMessage> REJECTED = ParseStep.REJECTED;
    /** Repeats dropped, for counting only. */
    public static final OutputTag<Reading> DUPLICATES = new OutputTag<>("duplicate-readings", TypeInformation.of(Reading.class));
    /** Fixed text on purpose: the reject id hashes the reason, and a replay must hit the same row. */
    public static final String LATE = "late";
    public static final String JOB = "telemetry";
    static final long CLEANUP_GRID_MS = 3_600_000;

    private final long allowedLatenessMs;
    private final long horizonMs;
    private final long retentionMs;

    private transient ValueState<SortedTimes> seen;
    private transient ValueState<Long> forgottenUpTo;
    private transient Counter lateReadings;
    private transient Counter duplicateReadings;

    public DedupAndLateFilter(QualitySettings settings) {
        this.allowedLatenessMs = settings.allowedLateness().toMillis();
        this.horizonMs = settings.dedupHorizon().toMillis();
        this.retentionMs = settings.historyRetention().toMillis();
    }

    @Override
    public void open(OpenContext openContext) {
        seen = getRuntimeContext().getState(
                new ValueStateDescriptor<>("seen-times", TypeInformation.of(SortedTimes.class)));
        forgottenUpTo = getRuntimeContext().getState(new ValueStateDescriptor<>("forgotten-up-to", Types.LONG));
        lateReadings = getRuntimeContext().getMetricGroup().counter("lateReadings");
        duplicateReadings = getRuntimeContext().getMetricGroup().counter("duplicateReadings");
    }

    @Override
    public void processElement(Reading reading, Context ctx, Collector<Reading> out) throws Exception {
        SortedTimes recent = seen.value();
        // A repeat first: a late repeat of a reading already counted is still just a repeat.
        if (recent != null && recent.contains(reading.ts())) {
            duplicateReadings.inc();
            ctx.output(DUPLICATES, reading);
            return;
        }
        if (Lateness.isLate(reading.ts(), ctx.timerService().currentWatermark(), allowedLatenessMs) || forgotten(recent, reading.ts())) {
            lateReadings.inc();
            Instant now = Instant.ofEpochMilli(ctx.timerService().currentProcessingTime());
            ctx.output(REJECTED, RejectedMessage.of(JOB, topic(reading.deviceId()), ReadingJson.compact(reading), LATE, now));
            return;
        }
        if (recent == null || recent.isEmpty()) {
            // One pruning timer per device at a time; onTimer re-arms it while times remain.
            ctx.timerService().registerEventTimeTimer(forgetAfter(reading.ts()));
        }
        if (recent == null) {
            recent = new SortedTimes();
        }
        recent.add(reading.ts());
        seen.update(recent);
        out.collect(reading);
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<Reading> out) throws Exception {
        long watermark = ctx.timerService().currentWatermark();
        SortedTimes recent = seen.value();
        if (recent == null) { // a cleanup timer of a device silent since
            Long upTo = forgottenUpTo.value();
            if (upTo != null && Lateness.saturatedAdd(upTo, retentionMs) <= watermark) {
                forgottenUpTo.clear();
            }
            return;
        }
        // Once ts + horizon is behind the watermark, a repeat of ts would be late anyway.
        long cutoff = watermark - horizonMs - 1;
        recent.removeUpTo(cutoff);
        forgottenUpTo.update(cutoff);
        if (recent.isEmpty()) {
            seen.clear();
            ctx.timerService().registerEventTimeTimer(cleanupAt(cutoff));
        } else {
            seen.update(recent);
            ctx.timerService().registerEventTimeTimer(forgetAfter(recent.first()));
        }
    }

    /** Only a reading before the oldest time kept can be: the common in-order one costs no lookup. */
    private boolean forgotten(SortedTimes recent, long ts) throws Exception {
        if (recent != null && !recent.isEmpty() && ts >= recent.first()) {
            return false;
        }
        Long upTo = forgottenUpTo.value();
        return upTo != null && ts <= upTo;
    }

    /**
     * When the time forgotten up to may go: after the retention, on an hourly grid, so that a
     * device whose memory empties after every reading has at most a day's worth of these timers.
     */
    private long cleanupAt(long forgottenUpTo) {
        long at = Lateness.saturatedAdd(forgottenUpTo, retentionMs);
        return at > Long.MAX_VALUE - CLEANUP_GRID_MS ? Long.MAX_VALUE : (Math.floorDiv(at, CLEANUP_GRID_MS) + 1) * CLEANUP_GRID_MS;
    }

    /** The watermark at which ts is forgotten: once it is past ts + horizon. */
    private long forgetAfter(long ts) {
        return Lateness.saturatedAdd(ts, horizonMs + 1);
    }

    static String topic(String deviceId) {
        return "devices/" + deviceId + "/telemetry";
    }
}

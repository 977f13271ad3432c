package io.pulse.jobs.energy.integration;

import io.pulse.jobs.energy.EnergySettings;
import io.pulse.jobs.energy.MeterReading;
import io.pulse.jobs.energy.windows.EnergyWindow;
import io.pulse.jobs.energy.windows.WindowFigures;
import io.pulse.jobs.ingest.ParseStep;
import io.pulse.jobs.ingest.RejectedMessage;

import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.Gauge;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

/**
 * Keyed by meter, on event time: integrates power into 5-minute windows per the contract and emits
 * a window's row when the watermark passes its end, then again on every change by a reading up to
 * {@code allowedLateness} late, until the window is final.
 *
 * <ul>
 *   <li>Readings are kept sorted in {@link MeterHistory} while a new reading could still come
 *       between them (up to {@code allowedLateness} behind the watermark); older ones are folded
 *       into their windows' settled parts. A window is recomputed from both on every change
 *       ({@link WindowFigures}), so a late reading that splits an interval re-integrates it, and
 *       the result does not depend on arrival order.</li>
 *   <li>A repeat of a (meterId, ts) accepted before is dropped and counted ({@code duplicateReadings}),
 *       back to {@code maxGap} before the oldest open window: raw readings and the times of
 *       settled ones are keyed state, so this holds across a restore, where the broker redelivers
 *       what a lost acknowledgement left unacknowledged.</li>
 *   <li>A reading with {@code ts + allowedLateness <= watermark}, or one that could change a final
 *       window or a settled interval, is late: counted ({@code lateReadings}) and sent to {@link #REJECTED} as {@value #LATE}.</li>
 *   <li>Timers: at each touched window's end (emit) and at {@link EnergySettings#finalAt} (final:
 *       readings no longer needed are dropped, and the history itself once it is empty).</li>
 * </ul>
 */
public final class EnergyIntegrator extends KeyedProcessFunction<String, MeterReading, EnergyWindow> {

    private static final long serialVersionUID = 1L;

    public static final OutputTag<RejectedMessage> REJECTED = ParseStep.REJECTED;
    /** Fixed text on purpose: the reject id hashes the reason, and a replay must hit the same row. */
    public static final String LATE = "late";
    /** Repeats dropped, for counting only. */
    public static final OutputTag<MeterReading> DUPLICATES =
            new OutputTag<>("duplicate-readings", TypeInformation.of(MeterReading.class));
    /** Every reading accepted (not a repeat, not late), for the full-resolution time series. */
    public static final OutputTag<MeterReading> ACCEPTED =
            new OutputTag<>("accepted-readings", TypeInformation.of(MeterReading.class));
    public static final String JOB = "energy";

    private final EnergySettings settings;

    private transient ValueState<MeterHistory> history;
    private transient Counter received;
    private transient Counter late;
    private transient Counter duplicates;
    private transient Counter windowRows;

    public EnergyIntegrator(EnergySettings settings) {
        this.settings = settings;
    }

    @Override
    public void open(OpenContext openContext) {
        history = getRuntimeContext().getState(new ValueStateDescriptor<>("meter-history", MeterHistorySerializer.INSTANCE));
        var metrics = getRuntimeContext().getMetricGroup();
        received = metrics.counter("readingsReceived");
        late = metrics.counter("lateReadings");
        duplicates = metrics.counter("duplicateReadings");
        windowRows = metrics.counter("windowRows");
        // energy_5min rows written per reading received (daily rows: see DailyTotals' dailyRows)
        metrics.gauge("windowRowsPerReading", (Gauge<Double>) () ->
                received.getCount() == 0 ? 0.0 : windowRows.getCount() / (double) received.getCount());
    }

    @Override
    public void processElement(MeterReading reading, Context ctx, Collector<EnergyWindow> out) throws Exception {
        received.inc();
        MeterHistory h = history.value();
        if (h == null) {
            h = new MeterHistory();
        }
        long t = reading.ts();
        // A repeat first: a redelivery after a restore may repeat a reading settled long ago.
        if (h.isRepeat(t)) {
            duplicates.inc();
            ctx.output(DUPLICATES, reading);
            return;
        }
        long watermark = ctx.timerService().currentWatermark();
        long gap = settings.maxGapMs();
        // After a final window, a reading within maxGap of its end could still reach into it.
        if (t + settings.latenessMs() <= watermark || t < h.finalBefore + gap || t < h.settledUntil) {
            rejectLate(reading, ctx);
            return;
        }
        int index = -h.find(t) - 1;
        h.insert(index, t, reading.powerW(), reading.voltageV(), reading.currentA());

        // The span whose windows change: the intervals the new reading starts and ends.
        long from = index > 0 && t - h.ts[index - 1] <= gap ? h.ts[index - 1] : t;
        long to = index + 1 < h.size && h.ts[index + 1] - t <= gap ? h.ts[index + 1] : t;
        long window = settings.windowMs();
        long own = settings.windowStart(t);
        for (long start = settings.windowStart(from); start <= to; start += window) {
            long end = start + window;
            if (end <= watermark) {
                emit(ctx.getCurrentKey(), h, start, out); // already reported once: report the change now
            } else if (start != h.timersFor) {
                ctx.timerService().registerEventTimeTimer(end);
            }
            if (start != h.timersFor) {
                ctx.timerService().registerEventTimeTimer(settings.finalAt(end));
            }
        }
        // The window a later reading could reach back into: its final timer drops this reading.
        long reach = settings.windowStart(t + gap);
        if (reach != h.timersFor) {
            ctx.timerService().registerEventTimeTimer(settings.finalAt(reach + window));
        }
        h.timersFor = own; // every timer of its own window is registered now
        settle(h, watermark);
        history.update(h);
        ctx.output(ACCEPTED, reading);
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<EnergyWindow> out) throws Exception {
        MeterHistory h = history.value();
        if (h == null) {
            return;
        }
        long window = settings.windowMs();
        settle(h, ctx.timerService().currentWatermark());
        if (timestamp % window == 0 && timestamp > h.finalBefore) {
            emit(ctx.getCurrentKey(), h, timestamp - window, out);
        }
        long end = timestamp - settings.latenessMs() - settings.maxGapMs();
        if (end % window == 0 && end > h.finalBefore) {
            h.finalBefore = end;
            h.forgetSettledBefore(end);
            h.dropBefore(end - settings.maxGapMs());
            if (h.empty()) {
                history.clear(); // a silent meter leaves nothing behind
                return;
            }
        }
        history.update(h);
    }

    /** Readings no new reading can come between any more are folded into their windows' settled parts. */
    private void settle(MeterHistory h, long watermark) {
        if (watermark > Long.MIN_VALUE + settings.latenessMs()) {
            h.settle(watermark - settings.latenessMs(), settings.windowMs(), settings.maxGapMs());
        }
    }

    private void emit(String meterId, MeterHistory h, long start, Collector<EnergyWindow> out) {
        EnergyWindow row = WindowFigures.compute(meterId, h, start, start + settings.windowMs(), settings.maxGapMs());
        if (!row.empty()) {
            windowRows.inc();
            out.collect(row);
        }
    }

    private void rejectLate(MeterReading reading, Context ctx) {
        late.inc();
        Instant now = Instant.ofEpochMilli(ctx.timerService().currentProcessingTime());
        ctx.output(REJECTED, RejectedMessage.of(JOB, MeterReading.topic(reading.meterId()),
                reading.toJson().getBytes(StandardCharsets.UTF_8), LATE, now));
    }
}

package io.pulse.jobs.telemetry.quality;

import io.pulse.jobs.telemetry.Reading;

import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Set;

/**
 * Keyed by device id: scores every reading with {@link RollingZScore}, per metric, in event-time
 * order. "The previous 20" only means something in event time, so each reading waits in state
 * until the watermark reaches {@code ts + allowedLateness} (an event-time timer), then is scored;
 * timers fire in time order, so out-of-order input within the tolerance is scored sorted.
 *
 * <p>Expects input that passed {@link DedupAndLateFilter} with the same settings: then no reading
 * arrives behind one already scored. A repeated ts is still counted once (the buffer is keyed by
 * ts).
 *
 * <p>Output records carry the timer's time, {@code ts + allowedLateness}, as their Flink
 * timestamp ({@code ts} itself with the default lateness of 0); the reading's own time is
 * {@link ScoredReading#ts()}.
 *
 * <p>State per device: one {@link MetricHistory} (the last {@code zWindow} values per metric), the
 * readings still waiting for the watermark, and {@link ScoringActivity}. After
 * {@code historyRetention} without a reading, a cleanup timer drops the history.
 */
public final class AnomalyScorer extends KeyedProcessFunction<String, Reading, ScoredReading> {

    private static final long serialVersionUID = 1L;

    private final RollingZScore zScore;
    private final long allowedLatenessMs;
    private final long retentionMs;

    private transient MapState<Long, Reading> waiting;
    private transient ValueState<MetricHistory> history;
    private transient ValueState<ScoringActivity> activity;

    public AnomalyScorer(QualitySettings settings) {
        this.zScore = RollingZScore.of(settings);
        this.allowedLatenessMs = settings.allowedLateness().toMillis();
        this.retentionMs = settings.historyRetention().toMillis();
    }

    @Override
    public void open(OpenContext openContext) {
        waiting = getRuntimeContext().getMapState(
                new MapStateDescriptor<>("waiting", Types.LONG, TypeInformation.of(Reading.class)));
        history = getRuntimeContext().getState(new ValueStateDescriptor<>("metric-history", MetricHistory.class));
        activity = getRuntimeContext().getState(
                new ValueStateDescriptor<>("activity", TypeInformation.of(ScoringActivity.class)));
    }

    @Override
    public void processElement(Reading reading, Context ctx, Collector<ScoredReading> out) throws Exception {
        waiting.put(reading.ts(), reading);
        ctx.timerService().registerEventTimeTimer(releaseAt(reading.ts()));
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<ScoredReading> out) throws Exception {
        // Scoring first: a reading released at the cleanup time still counts as activity.
        Reading due = waiting.get(timestamp - allowedLatenessMs);
        if (due != null) {
            waiting.remove(due.ts());
            out.collect(score(due));
            noteScored(due.ts(), ctx);
        }
        expireIfSilent(timestamp, ctx);
    }

    private ScoredReading score(Reading reading) throws Exception {
        Map<String, Double> zScores = new HashMap<>();
        Set<String> anomalous = new HashSet<>();
        MetricHistory recent = history.value();
        if (recent == null) {
            recent = new MetricHistory();
        }
        for (Map.Entry<String, Double> metric : reading.metrics().entrySet()) {
            String name = metric.getKey();
            double value = metric.getValue();
            double[] previous = recent.of(name);
            OptionalDouble z = zScore.score(previous, value);
            if (z.isPresent()) {
                zScores.put(name, z.getAsDouble());
                if (zScore.anomalous(z.getAsDouble())) {
                    anomalous.add(name);
                }
            }
            recent.put(name, zScore.append(previous, value));
        }
        history.update(recent);
        return new ScoredReading(reading.deviceId(), reading.ts(), reading.metrics(), zScores, anomalous);
    }

    private void noteScored(long ts, OnTimerContext ctx) throws Exception {
        ScoringActivity current = activity.value();
        if (current == null) {
            long cleanupAt = Lateness.saturatedAdd(ts, retentionMs);
            ctx.timerService().registerEventTimeTimer(cleanupAt);
            activity.update(new ScoringActivity(ts, cleanupAt));
        } else if (ts > current.lastScoredTs()) {
            activity.update(new ScoringActivity(ts, current.cleanupAt()));
        }
    }

    private void expireIfSilent(long timestamp, OnTimerContext ctx) throws Exception {
        ScoringActivity current = activity.value();
        if (current == null || timestamp < current.cleanupAt()) {
            return; // a release timer, not the cleanup timer
        }
        long silentUntil = Lateness.saturatedAdd(current.lastScoredTs(), retentionMs);
        if (silentUntil <= timestamp) {
            history.clear();
            activity.clear();
        } else {
            // Readings came since the timer was set: re-arm it for the latest one.
            ctx.timerService().registerEventTimeTimer(silentUntil);
            activity.update(new ScoringActivity(current.lastScoredTs(), silentUntil));
        }
    }

    private long releaseAt(long ts) {
        return Lateness.saturatedAdd(ts, allowedLatenessMs);
    }
}

package io.pulse.jobs.telemetry.quality;

import io.pulse.jobs.telemetry.Reading;

import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.streaming.api.operators.TimestampedCollector;
import org.apache.flink.util.Collector;

import java.util.Arrays;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Set;

/**
 * Keyed by device id: scores every reading with {@link RollingZScore}, per metric, in event-time
 * order. "The previous 20" only means something in event time, so each reading waits in state
 * until the watermark reaches {@code ts + allowedLateness}, then is scored; a firing timer scores
 * every waiting reading the watermark has passed, sorted, so out-of-order input within the
 * tolerance is scored in order. Readings close together share a timer
 * ({@link #SHARED_TIMER_SPAN_MS}): about one timer per device and watermark, not one per reading.
 *
 * <p>Expects input that passed {@link DedupAndLateFilter} with the same settings: then no reading
 * arrives behind one already scored. A repeated ts is still counted once (the buffer keeps one
 * reading per ts).
 *
 * <p>Output records carry their release time, {@code ts + allowedLateness}, as their Flink
 * timestamp ({@code ts} itself with the default lateness of 0), whichever timer released them;
 * the reading's own time is {@link ScoredReading#ts()}.
 *
 * <p>State per device: one {@link MetricHistory} (the last {@code zWindow} values per metric), the
 * readings still waiting for the watermark, in time order ({@link WaitingReadings}), and
 * {@link ScoringActivity}. After {@code historyRetention} without a reading, a cleanup timer drops
 * the history.
 */
public final class AnomalyScorer extends KeyedProcessFunction<String, Reading, ScoredReading> {

    private static final long serialVersionUID = 1L;

    /**
     * How far apart in event time readings of a device may be and still share one release timer:
     * a reading registers its own only when no pending timer is this close before its time. Each
     * firing releases every reading the watermark has passed, so a device costs about one timer
     * per watermark, not one per reading.
     */
    static final long SHARED_TIMER_SPAN_MS = 60_000;

    private final RollingZScore zScore;
    private final long allowedLatenessMs;
    private final long retentionMs;

    /** In time order: a firing takes the due ones as a prefix, without reading all that wait. */
    private transient ValueState<WaitingReadings> waiting;
    private transient ValueState<MetricHistory> history;
    private transient ValueState<ScoringActivity> activity;

    public AnomalyScorer(QualitySettings settings) {
        this.zScore = RollingZScore.of(settings);
        this.allowedLatenessMs = settings.allowedLateness().toMillis();
        this.retentionMs = settings.historyRetention().toMillis();
    }

    @Override
    public void open(OpenContext openContext) {
        waiting = getRuntimeContext().getState(
                new ValueStateDescriptor<>("waiting-readings", TypeInformation.of(WaitingReadings.class)));
        history = getRuntimeContext().getState(new ValueStateDescriptor<>("metric-history", MetricHistory.class));
        activity = getRuntimeContext().getState(
                new ValueStateDescriptor<>("activity", TypeInformation.of(ScoringActivity.class)));
    }

    @Override
    public void processElement(Reading reading, Context ctx, Collector<ScoredReading> out) throws Exception {
        WaitingReadings readings = waiting.value();
        if (readings == null) {
            readings = new WaitingReadings();
        }
        readings.add(reading);
        waiting.update(readings);
        long release = releaseAt(reading.ts());
        ScoringActivity current = activity.value();
        long pending = current == null || current.releaseTimer() <= ctx.timerService().currentWatermark()
                ? ScoringActivity.NONE : current.releaseTimer(); // a timer at or behind the watermark has fired
        // A pending timer shortly before this reading's time releases it too (or re-arms for it).
        if (pending != ScoringActivity.NONE && pending <= release && release - pending < SHARED_TIMER_SPAN_MS) {
            return;
        }
        ctx.timerService().registerEventTimeTimer(release);
        activity.update((current == null ? ScoringActivity.INITIAL : current).releaseTimer(Math.max(pending, release)));
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<ScoredReading> out) throws Exception {
        long watermark = ctx.timerService().currentWatermark();
        WaitingReadings readings = waiting.value();
        int due = 0;
        while (readings != null && due < readings.size() && releaseAt(readings.get(due).ts()) <= watermark) {
            due++; // release times grow with ts: the due readings are the oldest
        }
        long next = readings == null || due == readings.size() ? Long.MAX_VALUE : releaseAt(readings.get(due).ts());
        // The device's state is read once and written once per firing, not per reading.
        Scoring scoring = new Scoring(activity.value(), history.value());
        for (int i = 0; i < due; i++) {
            Reading reading = readings.get(i);
            long release = releaseAt(reading.ts());
            // The cleanup happens in its place in time: before a reading released after it.
            expireIfSilent(scoring, release - 1, ctx);
            if (out instanceof TimestampedCollector<ScoredReading> timestamped) {
                timestamped.setAbsoluteTimestamp(release); // as if released by a timer of its own
            }
            out.collect(score(reading, scoring.history()));
            noteScored(scoring, reading.ts(), ctx);
        }
        if (due > 0) {
            readings.removeFirst(due);
            if (readings.isEmpty()) {
                waiting.clear();
            } else {
                waiting.update(readings);
            }
        }
        if (next != Long.MAX_VALUE) {
            ctx.timerService().registerEventTimeTimer(next);
            ScoringActivity current = scoring.activity == null ? ScoringActivity.INITIAL : scoring.activity;
            long pending = current.releaseTimer() <= watermark ? ScoringActivity.NONE : current.releaseTimer();
            scoring.activity = current.releaseTimer(Math.max(pending, next));
        }
        // Scoring first: a reading released at the cleanup time still counts as activity.
        expireIfSilent(scoring, timestamp, ctx);
        scoring.save();
    }

    /** A device's scoring state while a timer fires; null fields are cleared state. */
    private final class Scoring {
        ScoringActivity activity;
        MetricHistory history;

        Scoring(ScoringActivity activity, MetricHistory history) {
            this.activity = activity;
            this.history = history;
        }

        MetricHistory history() {
            if (history == null) {
                history = new MetricHistory();
            }
            return history;
        }

        void save() throws Exception {
            if (history == null) {
                AnomalyScorer.this.history.clear();
            } else {
                AnomalyScorer.this.history.update(history);
            }
            if (activity == null) {
                AnomalyScorer.this.activity.clear();
            } else {
                AnomalyScorer.this.activity.update(activity);
            }
        }
    }

    private ScoredReading score(Reading reading, MetricHistory recent) {
        int n = reading.metrics().size();
        @SuppressWarnings("unchecked")
        Map.Entry<String, Double>[] zScores = new Map.Entry[n];
        String[] anomalous = new String[n];
        int scoredCount = 0;
        int anomalousCount = 0;
        for (Map.Entry<String, Double> metric : reading.metrics().entrySet()) {
            String name = metric.getKey();
            double value = metric.getValue();
            int index = recent.indexOf(name);
            double[] previous = recent.values(index);
            OptionalDouble z = zScore.score(previous, value);
            if (z.isPresent()) {
                zScores[scoredCount++] = Map.entry(name, z.getAsDouble());
                if (zScore.anomalous(z.getAsDouble())) {
                    anomalous[anomalousCount++] = name;
                }
            }
            recent.put(index, name, zScore.append(previous, value));
        }
        // Immutable collections built once: ScoredReading keeps them as they are.
        return new ScoredReading(reading.deviceId(), reading.ts(), reading.metrics(),
                Map.ofEntries(Arrays.copyOf(zScores, scoredCount)), Set.of(Arrays.copyOf(anomalous, anomalousCount)));
    }

    private void noteScored(Scoring scoring, long ts, OnTimerContext ctx) {
        ScoringActivity current = scoring.activity == null ? ScoringActivity.INITIAL : scoring.activity;
        if (current.cleanupAt() == ScoringActivity.NONE) {
            long cleanupAt = Lateness.saturatedAdd(ts, retentionMs);
            ctx.timerService().registerEventTimeTimer(cleanupAt);
            scoring.activity = current.scoredAt(ts).cleanupAt(cleanupAt);
        } else if (ts > current.lastScoredTs()) {
            scoring.activity = current.scoredAt(ts);
        }
    }

    private void expireIfSilent(Scoring scoring, long timestamp, OnTimerContext ctx) {
        ScoringActivity current = scoring.activity;
        if (current == null || current.cleanupAt() == ScoringActivity.NONE || timestamp < current.cleanupAt()) {
            return; // not yet the cleanup time
        }
        long silentUntil = Lateness.saturatedAdd(current.lastScoredTs(), retentionMs);
        if (silentUntil <= timestamp) {
            scoring.history = null;
            scoring.activity = null; // a release timer still pending finds its readings all the same
        } else {
            // Readings came since the timer was set: re-arm it for the latest one.
            ctx.timerService().registerEventTimeTimer(silentUntil);
            scoring.activity = current.cleanupAt(silentUntil);
        }
    }

    private long releaseAt(long ts) {
        return Lateness.saturatedAdd(ts, allowedLatenessMs);
    }
}

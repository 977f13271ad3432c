package io.pulse.jobs.telemetry.alerts;

import io.pulse.jobs.telemetry.SortedTimes;

import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.java.typeutils.ResultTypeQueryable;
import org.apache.flink.streaming.api.TimeDomain;
import org.apache.flink.streaming.api.functions.co.KeyedBroadcastProcessFunction;
import org.apache.flink.util.Collector;

import java.time.Duration;
import java.util.List;

import static io.pulse.jobs.telemetry.alerts.OfflineState.NONE;

/**
 * OFFLINE alerts, keyed by device, over the {@link EvaluatedReading}s (which carry the device's
 * timeout from the rules). Logic in {@link OfflineTracker}; this class owns the timers:
 * <ul>
 *   <li>the times of the readings not yet judged in timestamp order wait in the state, with one
 *       event-time timer at the earliest: when the watermark passes it, every reading it has
 *       passed is judged, in timestamp order (out-of-order readings within the bound fill gaps as
 *       they should); one timer per device and watermark, not one per reading;</li>
 *   <li>a processing-time deadline at (arrival wall clock + timeout), moved by every reading: it
 *       fires on time even when no other device sends anything, since it does not wait for the
 *       watermark. A reading only moves the deadline in the state; the timer, when it fires
 *       early, re-arms itself for the deadline then due, instead of a timer deleted and
 *       registered per reading.</li>
 * </ul>
 *
 * <p>A deadline only proves the device silent if Pulse was receiving meanwhile ({@link FleetSilence},
 * fed by the device's own readings and by {@link ArrivalPulses} from every subtask, on the
 * broadcast input): time while nothing at all arrived (the broker away, a sink stalling the job)
 * does not count, and after a restore a device gets one full timeout from the restart: the job,
 * not the device, was away (a crash, kill -9, a failover). Its alert, if it stays silent, has the
 * same opening time and id as in a run without the stall or restart.
 *
 * <p>State policy: a device's state is needed while it reports. Once the wall-clock path has
 * opened OFFLINE and the device then stays silent for {@code retention} (default 7 days), it is
 * taken as gone: state and timers are cleared and its OFFLINE alert stays open in the table
 * (the device is still offline). Should it come back later, it starts afresh, without resolving
 * that old alert.
 */
public final class OfflineDetector extends KeyedBroadcastProcessFunction<String, EvaluatedReading, Long, Alert>
        implements ResultTypeQueryable<Alert> {

    public static final Duration DEFAULT_RETENTION = Duration.ofDays(7);

    private final long retentionMs;
    private transient ValueState<OfflineState> state;
    private transient FleetSilence fleet;

    public OfflineDetector() {
        this(DEFAULT_RETENTION);
    }

    public OfflineDetector(Duration retention) {
        this.retentionMs = retention.toMillis();
    }

    @Override
    public void open(OpenContext openContext) {
        state = getRuntimeContext().getState(new ValueStateDescriptor<>("offline", TypeInformation.of(OfflineState.class)));
        fleet = new FleetSilence();
    }

    @Override
    public void processBroadcastElement(Long pulse, Context ctx, Collector<Alert> out) {
        fleet.heard(ctx.currentProcessingTime());
    }

    @Override
    public void processElement(EvaluatedReading r, ReadOnlyContext ctx, Collector<Alert> out) throws Exception {
        fleet.heard(ctx.timerService().currentProcessingTime());
        OfflineState st = state.value();
        if (st == null) {
            st = new OfflineState();
        }
        emit(OfflineTracker.arrived(st, r), ctx, out);
        if (st.waiting == null) {
            st.waiting = new SortedTimes();
        }
        st.waiting.add(r.ts());
        if (st.judgeAt == NONE || r.ts() < st.judgeAt) {
            st.judgeAt = r.ts(); // an earlier timer still pending fires harmlessly
            ctx.timerService().registerEventTimeTimer(r.ts());
        }
        if (st.forgetAt != NONE) {
            ctx.timerService().deleteProcessingTimeTimer(st.forgetAt);
            st.forgetAt = NONE;
        }
        st.dueAt = st.afterMs > 0 ? ctx.timerService().currentProcessingTime() + st.afterMs : NONE;
        if (st.dueAt != NONE && st.deadline == NONE) {
            st.deadline = st.dueAt;
            ctx.timerService().registerProcessingTimeTimer(st.deadline);
        }
        state.update(st);
    }

    @Override
    public void onTimer(long ts, OnTimerContext ctx, Collector<Alert> out) throws Exception {
        OfflineState st = state.value();
        if (st == null) {
            return; // forgotten; a reading's timer from before is of no use now
        }
        String deviceId = ctx.getCurrentKey();
        long now = ctx.timerService().currentProcessingTime();
        fleet.started(now);
        if (ctx.timeDomain() == TimeDomain.EVENT_TIME) {
            judgeInOrder(st, deviceId, ctx, out);
        } else if (ts == st.deadline) {
            st.deadline = NONE;
            long proven = st.dueAt == NONE ? NONE : fleet.provenAt(st.dueAt - st.afterMs, st.afterMs, now);
            if (st.dueAt != NONE && st.dueAt > ts) {
                st.deadline = st.dueAt; // readings came since it was set
                ctx.timerService().registerProcessingTimeTimer(st.deadline);
            } else if (st.dueAt != NONE && proven > now) {
                st.deadline = proven; // Pulse was not receiving for part of the silence
                ctx.timerService().registerProcessingTimeTimer(st.deadline);
            } else if (st.dueAt != NONE) {
                st.dueAt = NONE;
                emit(OfflineTracker.silent(st, deviceId), ctx, out);
                if (st.open != null && st.forgetAt == NONE) {
                    st.forgetAt = ts + retentionMs;
                    ctx.timerService().registerProcessingTimeTimer(st.forgetAt);
                }
            }
        } else if (ts == st.forgetAt) {
            state.clear(); // no timer of ours is left: the deadline fired before this was set
            return;
        } else {
            return;
        }
        state.update(st);
    }

    /** Judges every waiting reading the watermark has passed, oldest first; re-arms for the rest. */
    private static void judgeInOrder(OfflineState st, String deviceId, OnTimerContext ctx, Collector<Alert> out) {
        long watermark = ctx.timerService().currentWatermark();
        SortedTimes waiting = st.waiting == null ? new SortedTimes() : st.waiting;
        for (int due = 0; due < waiting.size() && waiting.get(due) <= watermark; due++) {
            emit(OfflineTracker.inOrder(st, deviceId, waiting.get(due)), ctx, out);
        }
        waiting.removeUpTo(watermark);
        st.waiting = waiting;
        st.judgeAt = waiting.isEmpty() ? NONE : waiting.first();
        if (st.judgeAt != NONE) {
            ctx.timerService().registerEventTimeTimer(st.judgeAt);
        }
    }

    private static void emit(List<AlertEvent> events, ReadOnlyContext ctx, Collector<Alert> out) {
        for (AlertEvent event : events) {
            out.collect(event.alert());
            ctx.output(AlertOutputs.EVENTS, event);
        }
    }

    @Override
    public TypeInformation<Alert> getProducedType() {
        return TypeInformation.of(Alert.class);
    }
}

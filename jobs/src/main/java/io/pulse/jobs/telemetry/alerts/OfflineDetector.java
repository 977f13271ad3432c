package io.pulse.jobs.telemetry.alerts;

import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.java.typeutils.ResultTypeQueryable;
import org.apache.flink.streaming.api.TimeDomain;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;

import java.time.Duration;
import java.util.List;

import static io.pulse.jobs.telemetry.alerts.OfflineState.NONE;

/**
 * OFFLINE alerts, keyed by device, over the {@link EvaluatedReading}s (which carry the device's
 * timeout from the rules). Logic in {@link OfflineTracker}; this class owns the timers:
 * <ul>
 *   <li>an event-time timer at each reading's time, so gaps are judged in timestamp order once
 *       the watermark has passed (out-of-order readings within the bound fill gaps as they should);</li>
 *   <li>a processing-time deadline at (arrival wall clock + timeout), moved by every reading: it
 *       fires on time even when no other device sends anything, since it does not wait for the
 *       watermark.</li>
 * </ul>
 *
 * <p>State policy: a device's state is needed while it reports. Once the wall-clock path has
 * opened OFFLINE and the device then stays silent for {@code retention} (default 7 days), it is
 * taken as gone: state and timers are cleared and its OFFLINE alert stays open in the table
 * (the device is still offline). Should it come back later, it starts afresh, without resolving
 * that old alert.
 */
public final class OfflineDetector extends KeyedProcessFunction<String, EvaluatedReading, Alert>
        implements ResultTypeQueryable<Alert> {

    public static final Duration DEFAULT_RETENTION = Duration.ofDays(7);

    private final long retentionMs;
    private transient ValueState<OfflineState> state;

    public OfflineDetector() {
        this(DEFAULT_RETENTION);
    }

    public OfflineDetector(Duration retention) {
        this.retentionMs = retention.toMillis();
    }

    @Override
    public void open(OpenContext openContext) {
        state = getRuntimeContext().getState(new ValueStateDescriptor<>("offline", TypeInformation.of(OfflineState.class)));
    }

    @Override
    public void processElement(EvaluatedReading r, Context ctx, Collector<Alert> out) throws Exception {
        OfflineState st = state.value();
        if (st == null) {
            st = new OfflineState();
        }
        emit(OfflineTracker.arrived(st, r), ctx, out);
        ctx.timerService().registerEventTimeTimer(r.ts());
        if (st.deadline != NONE) {
            ctx.timerService().deleteProcessingTimeTimer(st.deadline);
            st.deadline = NONE;
        }
        if (st.forgetAt != NONE) {
            ctx.timerService().deleteProcessingTimeTimer(st.forgetAt);
            st.forgetAt = NONE;
        }
        if (st.afterMs > 0) {
            st.deadline = ctx.timerService().currentProcessingTime() + st.afterMs;
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
        if (ctx.timeDomain() == TimeDomain.EVENT_TIME) {
            emit(OfflineTracker.inOrder(st, deviceId, ts), ctx, out);
        } else if (ts == st.deadline) {
            st.deadline = NONE;
            emit(OfflineTracker.silent(st, deviceId), ctx, out);
            if (st.open != null && st.forgetAt == NONE) {
                st.forgetAt = ts + retentionMs;
                ctx.timerService().registerProcessingTimeTimer(st.forgetAt);
            }
        } else if (ts == st.forgetAt) {
            state.clear(); // no timer of ours is left: the deadline fired before this was set
            return;
        } else {
            return;
        }
        state.update(st);
    }

    private static void emit(List<AlertEvent> events, Context ctx, Collector<Alert> out) {
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

package io.pulse.jobs.telemetry.alerts;

import io.pulse.jobs.telemetry.rules.AlertRules;
import io.pulse.jobs.telemetry.rules.AlertType;

import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.api.java.typeutils.ResultTypeQueryable;
import org.apache.flink.streaming.api.functions.co.KeyedBroadcastProcessFunction;
import org.apache.flink.util.Collector;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Turns matches and readings of one device into alerts: one open alert per (device, type) while
 * its condition lasts, resolved when it clears ({@link AlertTransitions}). Emits every change as
 * the full {@link Alert} row, an {@link AlertEvent} ({@link AlertOutputs#EVENTS}) and the command
 * the rules declare for it, if any ({@link AlertOutputs#COMMANDS}).
 *
 * <p>Input: the union of the patterns' {@link AlertMatch}es and the {@link EvaluatedReading}s,
 * keyed by device, connected to the rules broadcast (for hysteresis, messages and commands). A
 * match reaches this operator only once the watermark passes its reading in the CEP operator, so
 * a later reading may arrive first; both are therefore held until the watermark passes their time
 * and handled in event-time order (matches before readings of the same instant). One event-time
 * timer at the earliest waiting time releases, when the watermark passes it, every signal the
 * watermark has passed: one timer per device and watermark rather than one per reading.
 *
 * <p>State: the signals waiting for the watermark (with the time of that timer) and the open
 * alerts. Nothing is kept for a device without open alerts.
 */
public final class AlertLifecycle extends KeyedBroadcastProcessFunction<String, AlertSignal, AlertRules, Alert>
        implements ResultTypeQueryable<Alert> {

    private static final Comparator<AlertSignal> MATCHES_FIRST = Comparator.comparing(s -> !s.isMatch());

    private final AlertTransitions transitions;
    private transient MapState<Long, List<AlertSignal>> pending;
    private transient MapState<AlertType, OpenAlert> open;
    private transient ValueState<Long> releaseAt;

    public AlertLifecycle(PatternSettings settings) {
        this.transitions = new AlertTransitions(settings);
    }

    @Override
    public void open(OpenContext openContext) {
        pending = getRuntimeContext().getMapState(new MapStateDescriptor<>(
                "pending-signals", Types.LONG, Types.LIST(TypeInformation.of(AlertSignal.class))));
        open = getRuntimeContext().getMapState(new MapStateDescriptor<>(
                "open-alerts", TypeInformation.of(AlertType.class), TypeInformation.of(OpenAlert.class)));
        releaseAt = getRuntimeContext().getState(new ValueStateDescriptor<>("release-at", Types.LONG));
    }

    @Override
    public void processElement(AlertSignal signal, ReadOnlyContext ctx, Collector<Alert> out) throws Exception {
        long ts = signal.ts();
        if (ts <= ctx.timerService().currentWatermark()) {
            // late: nothing can come before it any more, so waiting would only delay it
            handle(List.of(signal), ctx, out);
            return;
        }
        List<AlertSignal> waiting = pending.get(ts);
        if (waiting == null) {
            waiting = new ArrayList<>(2);
        }
        waiting.add(signal);
        pending.put(ts, waiting);
        Long timer = releaseAt.value();
        if (timer == null || ts < timer) {
            releaseAt.update(ts); // a later timer still registered finds nothing due, or re-arms
            ctx.timerService().registerEventTimeTimer(ts);
        }
    }

    @Override
    public void onTimer(long ts, OnTimerContext ctx, Collector<Alert> out) throws Exception {
        long watermark = ctx.timerService().currentWatermark();
        List<Long> due = new ArrayList<>();
        long next = Long.MAX_VALUE;
        for (Long waiting : pending.keys()) {
            if (waiting <= watermark) {
                due.add(waiting);
            } else {
                next = Math.min(next, waiting);
            }
        }
        due.sort(null);
        for (Long at : due) {
            List<AlertSignal> signals = pending.get(at);
            pending.remove(at);
            handle(signals, ctx, out);
        }
        if (next == Long.MAX_VALUE) {
            releaseAt.clear();
        } else {
            releaseAt.update(next);
            ctx.timerService().registerEventTimeTimer(next);
        }
    }

    @Override
    public void processBroadcastElement(AlertRules rules, Context ctx, Collector<Alert> out) throws Exception {
        ctx.getBroadcastState(RulesBroadcast.STATE).put(RulesBroadcast.CURRENT, rules);
    }

    private void handle(List<AlertSignal> signals, ReadOnlyContext ctx, Collector<Alert> out) throws Exception {
        AlertRules rules = RulesBroadcast.current(ctx.getBroadcastState(RulesBroadcast.STATE));
        Map<AlertType, OpenAlert> before = new EnumMap<>(AlertType.class);
        for (Map.Entry<AlertType, OpenAlert> entry : open.entries()) {
            before.put(entry.getKey(), entry.getValue());
        }
        Map<AlertType, OpenAlert> after = new EnumMap<>(before);
        List<AlertSignal> ordered = new ArrayList<>(signals);
        ordered.sort(MATCHES_FIRST);
        List<AlertEvent> events = new ArrayList<>();
        for (AlertSignal signal : ordered) {
            events.addAll(signal.isMatch()
                    ? transitions.onMatch(signal.match(), rules, after)
                    : transitions.onReading(signal.reading(), rules, after));
        }
        if (!after.equals(before)) {
            open.clear();
            if (!after.isEmpty()) {
                open.putAll(after); // even an empty putAll would leave an entry behind
            }
        }
        for (AlertEvent event : events) {
            out.collect(event.alert());
            ctx.output(AlertOutputs.EVENTS, event);
            String command = event.event().equals(AlertEvent.ESCALATED)
                    ? null : rules.command(event.alert().type(), event.event().equals(AlertEvent.OPENED));
            if (command != null) {
                ctx.output(AlertOutputs.COMMANDS,
                        new DeviceCommand(event.alert().deviceId(), event.alert().alertId(), event.event(), command));
            }
        }
    }

    @Override
    public TypeInformation<Alert> getProducedType() {
        return TypeInformation.of(Alert.class);
    }
}

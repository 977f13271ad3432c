package io.pulse.jobs.telemetry.alerts;

import io.pulse.jobs.telemetry.rules.AlertType;

import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;

import java.util.EnumMap;
import java.util.Map;

/**
 * Keyed by device, on {@link EvaluatedReading}s that arrive in event-time order: passes each CEP
 * pattern only the readings that can start, continue or break one of its matches, so that the CEP
 * operators (which buffer every input until the watermark) see a small fraction of the stream and
 * find exactly the matches they would find on {@link AlertPatterns#feeds} alone. One side output
 * per pattern ({@link #inputsOf}); the main output stays empty.
 * <ul>
 *   <li>OVERHEAT, HIGH_VIBRATION: the flagged readings, and of the readings of that metric below
 *       the threshold only the first after a flagged one (it breaks the run; the next ones cannot
 *       start or break anything).</li>
 *   <li>BATTERY_DROP: a battery reading only when it fell by more than its limit from the
 *       device's previous battery reading, less than the window after it; that previous reading
 *       goes first when it was not passed on already, as a "before" only (limit NaN, so it cannot
 *       itself complete a fall from whatever the pattern saw earlier). It carries the falling
 *       reading's Flink timestamp: sent with its own, older one it could be behind the CEP
 *       operator's watermark; the gate has checked the window on the readings' own times.</li>
 *   <li>ANOMALY_BURST, FIRE_RISK: as {@link AlertPatterns#feeds} (rare readings already).</li>
 * </ul>
 * Requires event-time order per device (e.g. after {@code AnomalyScorer}): the "previous reading"
 * is the previous one in time. State per device: {@link PatternGateState}, a few numbers.
 */
public final class PatternGate extends KeyedProcessFunction<String, EvaluatedReading, EvaluatedReading> {

    private static final long serialVersionUID = 1L;

    private static final Map<AlertType, OutputTag<EvaluatedReading>> TAGS = new EnumMap<>(AlertType.class);

    static {
        for (AlertType type : AlertPatterns.TYPES) {
            TAGS.put(type, new OutputTag<>("pattern-inputs-" + type.name(), TypeInformation.of(EvaluatedReading.class)));
        }
    }

    private final long batteryDropWithinMs;
    private transient ValueState<PatternGateState> state;

    public PatternGate(PatternSettings settings) {
        this.batteryDropWithinMs = settings.batteryDropWithin().toMillis();
    }

    /** The readings the pattern of {@code type} is to see. */
    public static OutputTag<EvaluatedReading> inputsOf(AlertType type) {
        OutputTag<EvaluatedReading> tag = TAGS.get(type);
        if (tag == null) {
            throw new IllegalArgumentException(type + " has no CEP pattern");
        }
        return tag;
    }

    @Override
    public void open(OpenContext openContext) {
        state = getRuntimeContext().getState(new ValueStateDescriptor<>("pattern-gate", PatternGateState.class));
    }

    @Override
    public void processElement(EvaluatedReading r, Context ctx, Collector<EvaluatedReading> out) throws Exception {
        if (r.anomalous()) {
            ctx.output(TAGS.get(AlertType.ANOMALY_BURST), r);
        }
        if (r.gasHigh() || r.flame()) {
            ctx.output(TAGS.get(AlertType.FIRE_RISK), r);
        }
        if (!r.hasTemperature() && !r.hasVibration() && !r.hasBattery()) {
            return;
        }
        PatternGateState s = state.value();
        if (s == null) {
            s = new PatternGateState();
        }
        if (r.hasTemperature()) {
            if (r.hot() || s.lastHot) {
                ctx.output(TAGS.get(AlertType.OVERHEAT), r);
            }
            s.lastHot = r.hot();
        }
        if (r.hasVibration()) {
            if (r.vibrating() || s.lastVibrating) {
                ctx.output(TAGS.get(AlertType.HIGH_VIBRATION), r);
            }
            s.lastVibrating = r.vibrating();
        }
        if (r.hasBattery()) {
            battery(r, s, ctx);
        }
        state.update(s);
    }

    private void battery(EvaluatedReading r, PatternGateState s, Context ctx) {
        boolean falls = s.hasBattery()
                && r.ts() - s.lastBatteryTs < batteryDropWithinMs
                && s.lastBattery - r.battery() > r.batteryDropLimit(); // NaN limit (rule off): false
        if (falls) {
            OutputTag<EvaluatedReading> drop = TAGS.get(AlertType.BATTERY_DROP);
            if (!s.lastBatteryPassed) {
                ctx.output(drop, before(r.deviceId(), s.lastBatteryTs, s.lastBattery));
            }
            ctx.output(drop, r);
        }
        s.lastBatteryPassed = falls;
        s.lastBattery = r.battery();
        s.lastBatteryTs = r.ts();
    }

    /** A battery reading that can only be the "before" of a fall (see the class comment). */
    static EvaluatedReading before(String deviceId, long ts, double battery) {
        return new EvaluatedReading(deviceId, ts, null, Double.NaN, Double.NaN, battery, Double.NaN,
                false, false, false, false, false, false, false, Double.NaN, 0, "", 0);
    }
}

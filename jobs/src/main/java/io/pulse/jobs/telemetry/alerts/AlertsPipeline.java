package io.pulse.jobs.telemetry.alerts;

import io.pulse.jobs.serialization.StringKeyTypeInfo;
import io.pulse.jobs.telemetry.rules.AlertRules;

import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.datastream.BroadcastStream;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.DataStreamUtils;
import org.apache.flink.streaming.api.datastream.KeyedStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;

import java.time.Duration;

/**
 * Wires the alert operators, in this order:
 * <pre>
 *   inputs ─keyBy device─▶ ApplyRules ◀── rules (broadcast)
 *                             │ EvaluatedReading
 *            ┌────────────────┼──────────────────────────┐
 *            ▼                ▼                          ▼
 *   [PatternGate, in order]   │                          │
 *   AlertPatterns (5 CEP)   readings                 OfflineDetector ◀── arrival pulses (broadcast)
 *            │ AlertMatch     │                          │
 *            └──── union ─────┘                          │
 *                    ▼ keyBy device                      │
 *             AlertLifecycle ◀── rules (broadcast)       │
 *                    └──────────── union ────────────────┘
 *                         alerts / events / commands
 * </pre>
 * The inputs need timestamps and watermarks already (event time throughout); the rules stream
 * needs none: {@link OutOfEventTime} keeps it from holding event time back. OFFLINE runs chained
 * to its ApplyRules (no shuffle by the same key); {@link #attachInOrder} also drops the shuffle
 * before ApplyRules and runs the patterns behind {@link PatternGate}, in the same chain.
 */
public final class AlertsPipeline {

    private AlertsPipeline() {}

    public static AlertStreams attach(DataStream<AlertInput> inputs, DataStream<AlertRules> rules) {
        return attach(inputs, inputs, rules, PatternSettings.CONTRACT, OfflineDetector.DEFAULT_RETENTION);
    }

    /**
     * @param inputs    the readings the patterns and the lifecycle judge (may be held back until
     *                  the watermark passes them, e.g. to be scored in order)
     * @param liveness  the same readings as they arrive, for OFFLINE: its wall-clock deadline must
     *                  start when a reading arrives, not when a slower stage lets it through
     */
    public static AlertStreams attach(DataStream<AlertInput> inputs, DataStream<AlertInput> liveness,
                                      DataStream<AlertRules> rules) {
        return attach(inputs, liveness, rules, PatternSettings.CONTRACT, OfflineDetector.DEFAULT_RETENTION);
    }

    public static AlertStreams attach(DataStream<AlertInput> inputs, DataStream<AlertInput> liveness,
                                      DataStream<AlertRules> rules, PatternSettings settings, Duration offlineRetention) {
        return wire(inputs, liveness, rules, settings, offlineRetention, false);
    }

    /**
     * As {@link #attach(DataStream, DataStream, DataStream)} for inputs that are partitioned by
     * device already (each device on the subtask {@code keyBy(deviceId)} would send it to, e.g.
     * mapped from a keyed operator) and, for {@code inputsInOrder}, in event-time order per device:
     * no shuffle by the same key again, and {@link PatternGate} before the patterns.
     */
    public static AlertStreams attachInOrder(DataStream<AlertInput> inputsInOrder, DataStream<AlertInput> liveness,
                                             DataStream<AlertRules> rules) {
        return wire(inputsInOrder, liveness, rules, PatternSettings.CONTRACT, OfflineDetector.DEFAULT_RETENTION, true);
    }

    private static AlertStreams wire(DataStream<AlertInput> inputs, DataStream<AlertInput> liveness, DataStream<AlertRules> rules,
                                     PatternSettings settings, Duration offlineRetention, boolean inOrder) {
        BroadcastStream<AlertRules> broadcast = rules
                .assignTimestampsAndWatermarks(new OutOfEventTime<AlertRules>()).name("alerts: rules out of event time")
                .broadcast(RulesBroadcast.STATE);

        DataStream<EvaluatedReading> evaluated = byDevice(inputs, inOrder)
                .connect(broadcast)
                .process(new ApplyRules())
                .name("alerts: apply rules").uid("alerts-apply-rules");

        AlertPatterns patterns = new AlertPatterns(settings);
        DataStream<AlertMatch> matches = inOrder ? patterns.matchesInOrder(evaluated) : patterns.matches(evaluated);

        DataStream<AlertSignal> signals = matches
                .map(AlertSignal::of).returns(TypeInformation.of(AlertSignal.class)).name("alerts: matches")
                .union(evaluated.map(AlertSignal::of).returns(TypeInformation.of(AlertSignal.class)).name("alerts: readings"));

        SingleOutputStreamOperator<Alert> lifecycle = signals
                .keyBy(AlertSignal::deviceId, StringKeyTypeInfo.INSTANCE)
                .connect(broadcast)
                .process(new AlertLifecycle(settings))
                .name("alerts: lifecycle").uid("alerts-lifecycle");

        DataStream<EvaluatedReading> arriving = liveness == inputs ? evaluated : byDevice(liveness, inOrder)
                .connect(broadcast)
                .process(new ApplyRules())
                .name("alerts: apply rules on arrival").uid("alerts-apply-rules-arrival");

        // Every OFFLINE subtask hears that readings arrive somewhere, to tell a silent device
        // from a silent Pulse.
        BroadcastStream<Long> pulses = arriving
                .process(new ArrivalPulses()).name("alerts: arrival pulses")
                .assignTimestampsAndWatermarks(new OutOfEventTime<Long>()).name("alerts: pulses out of event time")
                .broadcast(ArrivalPulses.BROADCAST);

        // ApplyRules' output is partitioned by device: OFFLINE runs in the same chain.
        SingleOutputStreamOperator<Alert> offline = DataStreamUtils
                .reinterpretAsKeyedStream(arriving, EvaluatedReading::deviceId, Types.STRING)
                .connect(pulses)
                .process(new OfflineDetector(offlineRetention))
                .name("alerts: offline").uid("alerts-offline");

        return new AlertStreams(
                evaluated,
                lifecycle.union(offline),
                lifecycle.getSideOutput(AlertOutputs.EVENTS).union(offline.getSideOutput(AlertOutputs.EVENTS)),
                lifecycle.getSideOutput(AlertOutputs.COMMANDS));
    }

    private static KeyedStream<AlertInput, String> byDevice(DataStream<AlertInput> inputs, boolean partitioned) {
        return partitioned
                ? DataStreamUtils.reinterpretAsKeyedStream(inputs, AlertInput::deviceId, Types.STRING)
                : inputs.keyBy(AlertInput::deviceId, StringKeyTypeInfo.INSTANCE);
    }
}

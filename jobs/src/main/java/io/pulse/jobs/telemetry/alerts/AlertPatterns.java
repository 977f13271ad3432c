package io.pulse.jobs.telemetry.alerts;

import io.pulse.jobs.serialization.StringKeyTypeInfo;
import io.pulse.jobs.telemetry.rules.AlertType;

import org.apache.flink.api.common.functions.FilterFunction;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.cep.CEP;
import org.apache.flink.cep.functions.PatternProcessFunction;
import org.apache.flink.cep.nfa.aftermatch.AfterMatchSkipStrategy;
import org.apache.flink.cep.pattern.Pattern;
import org.apache.flink.cep.pattern.conditions.IterativeCondition;
import org.apache.flink.cep.pattern.conditions.SimpleCondition;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.DataStreamUtils;
import org.apache.flink.streaming.api.datastream.KeyedStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.util.Collector;

import java.io.Serializable;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;

/**
 * Every CEP alert pattern, in one place. The patterns run per device in event time on
 * {@link EvaluatedReading}s and test only flags set from the rules in force (thresholds are
 * applied before CEP, in {@link ApplyRules}); their counts and windows are {@link PatternSettings}.
 *
 * <p>Each pattern sees only the readings that matter to it ({@link #feeds}): a reading without a
 * temperature neither counts towards OVERHEAT nor breaks its run of consecutive hot readings, which
 * a filter before the pattern gives simply, where a condition could not "skip" an event under
 * strict contiguity. "Consecutive" therefore means: no reading of that metric below the
 * threshold in between.
 *
 * <p>LOW_BATTERY needs no pattern (one reading decides) and OFFLINE is an absence of readings:
 * {@link AlertLifecycle} and {@link OfflineDetector} find those.
 */
public final class AlertPatterns implements Serializable {

    /** The alert types found by a pattern. */
    public static final List<AlertType> TYPES = List.of(
            AlertType.OVERHEAT, AlertType.HIGH_VIBRATION, AlertType.ANOMALY_BURST, AlertType.FIRE_RISK, AlertType.BATTERY_DROP);

    private final PatternSettings settings;

    public AlertPatterns(PatternSettings settings) {
        this.settings = settings;
    }

    /** OVERHEAT: {@code count} consecutive hot readings, the last within {@code within} of the first. */
    public Pattern<EvaluatedReading, ?> overheat() {
        return Pattern.<EvaluatedReading>begin("hot", AfterMatchSkipStrategy.skipPastLastEvent())
                .where(SimpleCondition.of(EvaluatedReading::hot))
                .times(settings.count()).consecutive()
                .within(inclusive(settings.within()));
    }

    /** HIGH_VIBRATION: like OVERHEAT, on vibration. */
    public Pattern<EvaluatedReading, ?> highVibration() {
        return Pattern.<EvaluatedReading>begin("vibrating", AfterMatchSkipStrategy.skipPastLastEvent())
                .where(SimpleCondition.of(EvaluatedReading::vibrating))
                .times(settings.count()).consecutive()
                .within(inclusive(settings.within()));
    }

    /** ANOMALY_BURST: {@code anomalyCount} anomalous readings within the window, others may come between. */
    public Pattern<EvaluatedReading, ?> anomalyBurst() {
        return Pattern.<EvaluatedReading>begin("anomalous", AfterMatchSkipStrategy.skipPastLastEvent())
                .where(SimpleCondition.of(EvaluatedReading::anomalous))
                .times(settings.anomalyCount())
                .within(inclusive(settings.anomalyWithin()));
    }

    /**
     * FIRE_RISK: high gas and flame within the window, in either order. The first reading is
     * optional so that one reading carrying both matches alone; otherwise the second must bring what
     * the first lacked.
     */
    public Pattern<EvaluatedReading, ?> fireRisk() {
        return Pattern.<EvaluatedReading>begin("first", AfterMatchSkipStrategy.skipPastLastEvent())
                .where(SimpleCondition.of(r -> r.gasHigh() || r.flame()))
                .optional()
                .followedBy("second")
                .where(new CompletesFireRisk())
                .within(inclusive(settings.fireRiskWithin()));
    }

    /**
     * BATTERY_DROP: two consecutive battery readings less than the window apart (exclusive, as CEP
     * windows are) whose level fell by more than the device's threshold. No skipping after a match:
     * in 80, 65, 50 both falls count, which keeps an open drop alert from resolving too early.
     */
    public Pattern<EvaluatedReading, ?> batteryDrop() {
        return Pattern.<EvaluatedReading>begin("before", AfterMatchSkipStrategy.noSkip())
                .where(SimpleCondition.of(EvaluatedReading::hasBattery))
                .next("after")
                .where(new FallsFromBefore())
                .within(settings.batteryDropWithin());
    }

    public Pattern<EvaluatedReading, ?> pattern(AlertType type) {
        return switch (type) {
            case OVERHEAT -> overheat();
            case HIGH_VIBRATION -> highVibration();
            case ANOMALY_BURST -> anomalyBurst();
            case FIRE_RISK -> fireRisk();
            case BATTERY_DROP -> batteryDrop();
            default -> throw new IllegalArgumentException(type + " has no CEP pattern");
        };
    }

    /** Whether a reading goes to the pattern of {@code type} at all. */
    public static boolean feeds(AlertType type, EvaluatedReading r) {
        return switch (type) {
            case OVERHEAT -> r.hasTemperature();
            case HIGH_VIBRATION -> r.hasVibration();
            case ANOMALY_BURST -> r.anomalous();
            case FIRE_RISK -> r.gasHigh() || r.flame();
            case BATTERY_DROP -> r.hasBattery();
            default -> false;
        };
    }

    /** All pattern matches of the evaluated readings: one CEP operator per pattern, in event time. */
    public DataStream<AlertMatch> matches(DataStream<EvaluatedReading> evaluated) {
        DataStream<AlertMatch> all = null;
        for (AlertType type : TYPES) {
            KeyedStream<EvaluatedReading, String> input = evaluated
                    .filter(new Feeds(type)).name("alerts: " + id(type) + " readings").uid("alerts-" + id(type) + "-readings")
                    .keyBy(EvaluatedReading::deviceId, StringKeyTypeInfo.INSTANCE);
            all = union(all, match(type, input));
        }
        return all;
    }

    /**
     * The same matches for readings partitioned by device and in event-time order per device (as
     * {@code AnomalyScorer} releases them, keyed by device since): {@link PatternGate} passes each
     * pattern only the readings that matter to it, with no shuffle on the way (one chain).
     */
    public DataStream<AlertMatch> matchesInOrder(DataStream<EvaluatedReading> evaluatedInOrder) {
        SingleOutputStreamOperator<EvaluatedReading> gate = DataStreamUtils
                .reinterpretAsKeyedStream(evaluatedInOrder, EvaluatedReading::deviceId, Types.STRING)
                .process(new PatternGate(settings)).name("alerts: pattern gate").uid("alerts-pattern-gate");
        DataStream<AlertMatch> all = null;
        for (AlertType type : TYPES) {
            all = union(all, match(type, DataStreamUtils.reinterpretAsKeyedStream(
                    gate.getSideOutput(PatternGate.inputsOf(type)), EvaluatedReading::deviceId, Types.STRING)));
        }
        return all;
    }

    private DataStream<AlertMatch> match(AlertType type, KeyedStream<EvaluatedReading, String> input) {
        return CEP.pattern(input, pattern(type))
                .inEventTime()
                .process(new ToMatch(type), TypeInformation.of(AlertMatch.class))
                .name("alerts: " + id(type) + " pattern").uid("alerts-" + id(type) + "-pattern");
    }

    private static DataStream<AlertMatch> union(DataStream<AlertMatch> all, DataStream<AlertMatch> found) {
        return all == null ? found : all.union(found);
    }

    private static String id(AlertType type) {
        return type.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** The match of one pattern as an {@link AlertMatch}. */
    public static AlertMatch toMatch(AlertType type, Map<String, List<EvaluatedReading>> match) {
        return switch (type) {
            case OVERHEAT -> run(type, match.get("hot"), EvaluatedReading::temperature);
            case HIGH_VIBRATION -> run(type, match.get("vibrating"), EvaluatedReading::vibration);
            case ANOMALY_BURST -> anomalies(match.get("anomalous"));
            case FIRE_RISK -> fire(match.getOrDefault("first", List.of()), match.get("second").get(0));
            case BATTERY_DROP -> drop(match.get("before").get(0), match.get("after").get(0));
            default -> throw new IllegalArgumentException(type + " has no CEP pattern");
        };
    }

    private static AlertMatch run(AlertType type, List<EvaluatedReading> readings, ValueOf value) {
        EvaluatedReading first = readings.get(0);
        EvaluatedReading last = readings.get(readings.size() - 1);
        return new AlertMatch(last.deviceId(), type, last.ts(), first.ts(), readings.size(),
                value.of(last), Double.NaN, null, last.displayName());
    }

    private static AlertMatch anomalies(List<EvaluatedReading> readings) {
        EvaluatedReading first = readings.get(0);
        EvaluatedReading last = readings.get(readings.size() - 1);
        TreeSet<String> metrics = new TreeSet<>();
        double score = 0;
        for (EvaluatedReading r : readings) {
            metrics.addAll(List.of(r.anomalousMetrics().split(",")));
            score = Math.max(score, r.anomalyScore());
        }
        metrics.remove("");
        return new AlertMatch(last.deviceId(), AlertType.ANOMALY_BURST, last.ts(), first.ts(), readings.size(),
                score, Double.NaN, String.join(", ", metrics), last.displayName());
    }

    private static AlertMatch fire(List<EvaluatedReading> first, EvaluatedReading second) {
        List<EvaluatedReading> readings = new ArrayList<>(first);
        readings.add(second);
        double gas = Double.NaN;
        for (EvaluatedReading r : readings) {
            if (r.gasHigh()) {
                gas = r.gas(); // the latest high gas level
            }
        }
        return new AlertMatch(second.deviceId(), AlertType.FIRE_RISK, second.ts(), readings.get(0).ts(), readings.size(),
                gas, Double.NaN, null, second.displayName());
    }

    private static AlertMatch drop(EvaluatedReading before, EvaluatedReading after) {
        return new AlertMatch(after.deviceId(), AlertType.BATTERY_DROP, after.ts(), before.ts(), 2,
                before.battery() - after.battery(), before.battery(), null, after.displayName());
    }

    /**
     * CEP drops a partial match once last - first >= window, so the contract's inclusive "the
     * third within 60 s of the first" needs one more millisecond (timestamps are milliseconds).
     */
    static Duration inclusive(Duration window) {
        return window.plusMillis(1);
    }

    private interface ValueOf extends Serializable {
        double of(EvaluatedReading r);
    }

    /** FIRE_RISK's second reading: brings both signals itself, or the one the first reading lacked. */
    static final class CompletesFireRisk extends IterativeCondition<EvaluatedReading> {
        @Override
        public boolean filter(EvaluatedReading r, Context<EvaluatedReading> ctx) throws Exception {
            if (r.gasHigh() && r.flame()) {
                return true;
            }
            for (EvaluatedReading first : ctx.getEventsForPattern("first")) {
                if ((first.gasHigh() && r.flame()) || (first.flame() && r.gasHigh())) {
                    return true;
                }
            }
            return false;
        }
    }

    /** BATTERY_DROP's second reading: lower than the first by more than the device's threshold. */
    static final class FallsFromBefore extends IterativeCondition<EvaluatedReading> {
        @Override
        public boolean filter(EvaluatedReading after, Context<EvaluatedReading> ctx) throws Exception {
            if (!after.hasBattery() || Double.isNaN(after.batteryDropLimit())) {
                return false;
            }
            for (EvaluatedReading before : ctx.getEventsForPattern("before")) {
                return before.battery() - after.battery() > after.batteryDropLimit();
            }
            return false;
        }
    }

    static final class Feeds implements FilterFunction<EvaluatedReading> {
        private final AlertType type;

        Feeds(AlertType type) {
            this.type = type;
        }

        @Override
        public boolean filter(EvaluatedReading r) {
            return feeds(type, r);
        }
    }

    static final class ToMatch extends PatternProcessFunction<EvaluatedReading, AlertMatch> {
        private final AlertType type;

        ToMatch(AlertType type) {
            this.type = type;
        }

        @Override
        public void processMatch(Map<String, List<EvaluatedReading>> match, Context ctx, Collector<AlertMatch> out) {
            out.collect(toMatch(type, match));
        }
    }
}

package io.pulse.jobs.telemetry.alerts;

import io.pulse.jobs.telemetry.rules.AlertType;

import org.apache.flink.api.common.serialization.SerializerConfigImpl;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.cep.nfa.compiler.NFACompiler;
import org.apache.flink.cep.operator.CepOperator;
import org.apache.flink.cep.pattern.Pattern;
import org.apache.flink.streaming.api.operators.KeyedProcessOperator;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static io.pulse.jobs.telemetry.alerts.Fixtures.at;
import static io.pulse.jobs.telemetry.alerts.Fixtures.reading;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

/**
 * {@link PatternGate} must not change what the patterns find: every pattern gets the same matches
 * from the gated readings as from all the readings it is fed ({@link AlertPatterns#feeds}), while
 * seeing fewer of them.
 */
class PatternGateTest {

    private final AlertPatterns patterns = new AlertPatterns(PatternSettings.CONTRACT);

    @Test
    void aFallOnlyAgainstAnOlderReadingIsNoDrop() throws Exception {
        // 85 -> 70 is a fall of 15, but 70 came after 76: only 70 -> 50 and 100 -> 85 are drops
        List<EvaluatedReading> readings = List.of(
                reading("S7", 0, "battery", 100), reading("S7", 10, "battery", 85), reading("S7", 20, "battery", 76),
                reading("S7", 30, "battery", 70), reading("S7", 40, "battery", 50));

        List<AlertMatch> gated = matches(AlertType.BATTERY_DROP, gated(AlertType.BATTERY_DROP, readings));

        assertThat(gated).isEqualTo(matches(AlertType.BATTERY_DROP, fed(AlertType.BATTERY_DROP, readings)))
                .extracting(AlertMatch::firstTs, AlertMatch::ts)
                .containsExactly(tuple(at(0), at(10)), tuple(at(30), at(40)));
    }

    @Test
    void consecutiveFallsAreAllFound() throws Exception {
        List<EvaluatedReading> readings = List.of(
                reading("S7", 0, "battery", 80), reading("S7", 10, "battery", 65), reading("S7", 20, "battery", 50));
        assertThat(matches(AlertType.BATTERY_DROP, gated(AlertType.BATTERY_DROP, readings))).hasSize(2)
                .isEqualTo(matches(AlertType.BATTERY_DROP, fed(AlertType.BATTERY_DROP, readings)));
    }

    @Test
    void aFallAfterTheWindowIsNoDrop() throws Exception {
        List<EvaluatedReading> readings = List.of(reading("S7", 0, "battery", 80), reading("S7", 300, "battery", 50));
        assertThat(gated(AlertType.BATTERY_DROP, readings)).isEmpty();
        assertThat(matches(AlertType.BATTERY_DROP, fed(AlertType.BATTERY_DROP, readings))).isEmpty();
    }

    @Test
    void randomReadingsGiveTheSameMatchesGatedAsUngated() throws Exception {
        Random random = new Random(42);
        List<EvaluatedReading> readings = new ArrayList<>();
        for (int i = 0; i < 2_000; i++) {
            double seconds = i * 7.0;
            readings.add(reading("D1", seconds,
                    "temperature", random.nextInt(3) == 0 ? 76 + random.nextInt(5) : 60 + random.nextInt(16),
                    "vibration", random.nextInt(4) == 0 ? 1.6 : 0.4,
                    "battery", 20 + random.nextInt(80),
                    "gas", random.nextInt(20) == 0 ? 500 : 100,
                    "flame", random.nextInt(30) == 0));
            if (random.nextInt(10) == 0) {
                readings.add(reading("D1", seconds + 1, "humidity", 40)); // carries none of the pattern metrics
            }
            if (random.nextInt(6) == 0) {
                readings.add(Fixtures.anomalous("D1", seconds + 2, 4.0, "humidity"));
            }
        }
        for (AlertType type : AlertPatterns.TYPES) {
            List<StreamRecord<EvaluatedReading>> gated = gated(type, readings);
            List<StreamRecord<EvaluatedReading>> fed = fed(type, readings);
            List<AlertMatch> expected = matches(type, fed);
            assertThat(expected).as("the scenario exercises %s", type).isNotEmpty();
            assertThat(matches(type, gated)).as(type.name()).isEqualTo(expected);
            if (type != AlertType.ANOMALY_BURST && type != AlertType.FIRE_RISK) {
                assertThat(gated.size()).as("%s sees fewer readings", type).isLessThan(fed.size());
            }
        }
    }

    /** The readings the gate passes to the pattern of {@code type}, with their Flink timestamps. */
    private List<StreamRecord<EvaluatedReading>> gated(AlertType type, List<EvaluatedReading> readings) throws Exception {
        try (var harness = new KeyedOneInputStreamOperatorTestHarness<>(
                new KeyedProcessOperator<>(new PatternGate(PatternSettings.CONTRACT)), EvaluatedReading::deviceId, Types.STRING)) {
            harness.open();
            for (EvaluatedReading r : readings) {
                harness.processElement(r, r.ts());
            }
            var side = harness.getSideOutput(PatternGate.inputsOf(type));
            return side == null ? List.of() : new ArrayList<>(side);
        }
    }

    private static List<StreamRecord<EvaluatedReading>> fed(AlertType type, List<EvaluatedReading> readings) {
        List<StreamRecord<EvaluatedReading>> fed = new ArrayList<>();
        for (EvaluatedReading r : readings) {
            if (AlertPatterns.feeds(type, r)) {
                fed.add(new StreamRecord<>(r, r.ts()));
            }
        }
        return fed;
    }

    private List<AlertMatch> matches(AlertType type, List<StreamRecord<EvaluatedReading>> input) throws Exception {
        Pattern<EvaluatedReading, ?> pattern = patterns.pattern(type);
        CepOperator<EvaluatedReading, String, AlertMatch> operator = new CepOperator<>(
                TypeInformation.of(EvaluatedReading.class).createSerializer(new SerializerConfigImpl()),
                false, NFACompiler.compileFactory(pattern, false), null, pattern.getAfterMatchSkipStrategy(),
                new AlertPatterns.ToMatch(type), null);
        try (var harness = new KeyedOneInputStreamOperatorTestHarness<>(operator, EvaluatedReading::deviceId, Types.STRING)) {
            harness.open();
            for (StreamRecord<EvaluatedReading> record : input) {
                harness.processElement(record.getValue(), record.getTimestamp());
                harness.processWatermark(record.getTimestamp() - 1); // readings come in order: the watermark follows
            }
            harness.processWatermark(Long.MAX_VALUE);
            return harness.extractOutputValues();
        }
    }
}

package io.pulse.jobs.telemetry.alerts;

import io.pulse.jobs.telemetry.rules.AlertType;

import org.apache.flink.api.common.serialization.SerializerConfigImpl;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.cep.nfa.compiler.NFACompiler;
import org.apache.flink.cep.operator.CepOperator;
import org.apache.flink.cep.pattern.Pattern;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static io.pulse.jobs.telemetry.alerts.Fixtures.anomalous;
import static io.pulse.jobs.telemetry.alerts.Fixtures.at;
import static io.pulse.jobs.telemetry.alerts.Fixtures.reading;
import static org.assertj.core.api.Assertions.assertThat;

/** Each pattern on the CEP operator itself, in event time, with the same input filter as the job. */
class AlertPatternsTest {

    private final AlertPatterns patterns = new AlertPatterns(PatternSettings.CONTRACT);
    private final List<KeyedOneInputStreamOperatorTestHarness<String, EvaluatedReading, AlertMatch>> opened = new ArrayList<>();

    @AfterEach
    void close() throws Exception {
        for (var harness : opened) {
            harness.close();
        }
    }

    /** Feeds readings (in the given arrival order) to the pattern of {@code type}, then lets the watermark pass them all. */
    private List<AlertMatch> run(AlertType type, EvaluatedReading... readings) throws Exception {
        Pattern<EvaluatedReading, ?> pattern = patterns.pattern(type);
        CepOperator<EvaluatedReading, String, AlertMatch> operator = new CepOperator<>(
                TypeInformation.of(EvaluatedReading.class).createSerializer(new SerializerConfigImpl()),
                false, // event time
                NFACompiler.compileFactory(pattern, false),
                null,
                pattern.getAfterMatchSkipStrategy(),
                new AlertPatterns.ToMatch(type),
                null);
        var harness = new KeyedOneInputStreamOperatorTestHarness<>(operator, EvaluatedReading::deviceId, Types.STRING);
        opened.add(harness);
        harness.open();
        long newest = Long.MIN_VALUE;
        for (EvaluatedReading r : readings) {
            if (AlertPatterns.feeds(type, r)) {
                harness.processElement(r, r.ts());
            }
            newest = Math.max(newest, r.ts());
        }
        harness.processWatermark(newest);
        return harness.extractOutputValues();
    }

    @Test
    void overheatIsThreeConsecutiveHotReadings() throws Exception {
        List<AlertMatch> matches = run(AlertType.OVERHEAT,
                reading("R1", 0, "temperature", 76), reading("R1", 10, "temperature", 80),
                reading("R1", 20, "temperature", 82.4));

        assertThat(matches).containsExactly(new AlertMatch("R1", AlertType.OVERHEAT, at(20), at(0), 3, 82.4, Double.NaN, null, null));
    }

    @Test
    void aReadingAtOrBelowTheThresholdBreaksTheRun() throws Exception {
        assertThat(run(AlertType.OVERHEAT,
                reading("R1", 0, "temperature", 80), reading("R1", 10, "temperature", 80),
                reading("R1", 20, "temperature", 75), reading("R1", 30, "temperature", 80),
                reading("R1", 40, "temperature", 80))).isEmpty();
    }

    @Test
    void readingsWithoutTemperatureNeitherCountNorBreakTheRun() throws Exception {
        List<AlertMatch> matches = run(AlertType.OVERHEAT,
                reading("R1", 0, "temperature", 80), reading("R1", 5, "humidity", 40),
                reading("R1", 10, "temperature", 80), reading("R1", 15, "battery", 90),
                reading("R1", 20, "temperature", 80));

        assertThat(matches).extracting(AlertMatch::ts, AlertMatch::readings).containsExactly(
                org.assertj.core.groups.Tuple.tuple(at(20), 3));
    }

    @Test
    void theThirdReadingMayComeAtMost60SecondsAfterTheFirst() throws Exception {
        assertThat(run(AlertType.OVERHEAT,
                reading("R1", 0, "temperature", 80), reading("R1", 30, "temperature", 80),
                reading("R1", 60, "temperature", 80))).hasSize(1);
        assertThat(run(AlertType.OVERHEAT,
                reading("R1", 0, "temperature", 80), reading("R1", 30, "temperature", 80),
                reading("R1", 60.001, "temperature", 80))).isEmpty();
    }

    @Test
    void outOfOrderReadingsAreMatchedInTimestampOrder() throws Exception {
        // arrival order 1, 3, 2(cool), 4: in time order the cool reading breaks the run
        assertThat(run(AlertType.OVERHEAT,
                reading("R1", 1, "temperature", 80), reading("R1", 3, "temperature", 80),
                reading("R1", 2, "temperature", 70), reading("R1", 4, "temperature", 80))).isEmpty();
        // arrival order 3, 1, 2: three hot readings whatever the order, completed at 3
        assertThat(run(AlertType.OVERHEAT,
                reading("R1", 3, "temperature", 81), reading("R1", 1, "temperature", 80),
                reading("R1", 2, "temperature", 80)))
                .extracting(AlertMatch::ts, AlertMatch::firstTs, AlertMatch::value)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(at(3), at(1), 81.0));
    }

    @Test
    void devicesAreMatchedSeparately() throws Exception {
        assertThat(run(AlertType.OVERHEAT,
                reading("R1", 0, "temperature", 80), reading("R2", 1, "temperature", 80),
                reading("R1", 2, "temperature", 80), reading("R2", 3, "temperature", 80),
                reading("R1", 4, "temperature", 80))).extracting(AlertMatch::deviceId).containsExactly("R1");
    }

    @Test
    void highVibrationLikewise() throws Exception {
        assertThat(run(AlertType.HIGH_VIBRATION,
                reading("M3", 0, "vibration", 1.6), reading("M3", 1, "vibration", 2),
                reading("M3", 2, "vibration", 2.3)))
                .containsExactly(new AlertMatch("M3", AlertType.HIGH_VIBRATION, at(2), at(0), 3, 2.3, Double.NaN, null, null));
        assertThat(run(AlertType.HIGH_VIBRATION,
                reading("M3", 0, "vibration", 1.6), reading("M3", 1, "vibration", 1.5),
                reading("M3", 2, "vibration", 2.3))).isEmpty();
    }

    @Test
    void anomalyBurstIsThreeAnomalousReadingsWithin60SecondsNotNecessarilyConsecutive() throws Exception {
        List<AlertMatch> matches = run(AlertType.ANOMALY_BURST,
                anomalous("R1", 0, 3.5, "temperature"), reading("R1", 10, "temperature", 20),
                anomalous("R1", 20, -4.0, "humidity"), reading("R1", 30, "temperature", 20),
                anomalous("R1", 60, 3.1, "temperature"));

        assertThat(matches).containsExactly(new AlertMatch("R1", AlertType.ANOMALY_BURST, at(60), at(0), 3, 4.0, Double.NaN,
                "humidity, temperature", null));
        assertThat(run(AlertType.ANOMALY_BURST,
                anomalous("R1", 0, 3.5, "temperature"), anomalous("R1", 20, 3.5, "temperature"),
                anomalous("R1", 60.001, 3.5, "temperature"))).isEmpty();
    }

    @Test
    void fireRiskIsHighGasAndFlameWithin30SecondsInEitherOrder() throws Exception {
        assertThat(run(AlertType.FIRE_RISK, reading("K2", 0, "gas", 620), reading("K2", 20, "flame", true)))
                .containsExactly(new AlertMatch("K2", AlertType.FIRE_RISK, at(20), at(0), 2, 620, Double.NaN, null, null));
        assertThat(run(AlertType.FIRE_RISK, reading("K2", 0, "flame", true), reading("K2", 5, "gas", 100),
                reading("K2", 30, "gas", 450)))
                .extracting(AlertMatch::ts, AlertMatch::value).containsExactly(org.assertj.core.groups.Tuple.tuple(at(30), 450.0));
        assertThat(run(AlertType.FIRE_RISK, reading("K2", 0, "gas", 620), reading("K2", 30.001, "flame", true))).isEmpty();
        assertThat(run(AlertType.FIRE_RISK, reading("K2", 0, "gas", 620), reading("K2", 10, "gas", 700))).isEmpty();
        assertThat(run(AlertType.FIRE_RISK, reading("K2", 0, "flame", true), reading("K2", 10, "flame", true))).isEmpty();
    }

    @Test
    void oneReadingWithBothHighGasAndFlameIsAFireRisk() throws Exception {
        assertThat(run(AlertType.FIRE_RISK, reading("K2", 0, "gas", 900, "flame", true)))
                .containsExactly(new AlertMatch("K2", AlertType.FIRE_RISK, at(0), at(0), 1, 900, Double.NaN, null, null));
    }

    @Test
    void batteryDropIsAFallOfMoreThan10BetweenConsecutiveReadingsLessThan5MinutesApart() throws Exception {
        assertThat(run(AlertType.BATTERY_DROP, reading("S7", 0, "battery", 80), reading("S7", 40, "battery", 62)))
                .containsExactly(new AlertMatch("S7", AlertType.BATTERY_DROP, at(40), at(0), 2, 18, 80, null, null));
        assertThat(run(AlertType.BATTERY_DROP, reading("S7", 0, "battery", 80), reading("S7", 40, "battery", 70))).isEmpty();
        assertThat(run(AlertType.BATTERY_DROP, reading("S7", 0, "battery", 80), reading("S7", 300, "battery", 50))).isEmpty();
        assertThat(run(AlertType.BATTERY_DROP, reading("S7", 0, "battery", 80), reading("S7", 299.999, "battery", 50))).hasSize(1);
    }

    @Test
    void batteryDropComparesOnlyConsecutiveBatteryReadings() throws Exception {
        // 80 -> 75 -> 66: no single step falls by more than 10, though 80 -> 66 does
        assertThat(run(AlertType.BATTERY_DROP, reading("S7", 0, "battery", 80), reading("S7", 10, "temperature", 20),
                reading("S7", 20, "battery", 75), reading("S7", 40, "battery", 66))).isEmpty();
        // every step of a steep slide counts
        assertThat(run(AlertType.BATTERY_DROP, reading("S7", 0, "battery", 80), reading("S7", 20, "battery", 65),
                reading("S7", 40, "battery", 50))).extracting(AlertMatch::ts).containsExactly(at(20), at(40));
    }
}

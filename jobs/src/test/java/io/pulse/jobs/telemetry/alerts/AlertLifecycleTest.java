package io.pulse.jobs.telemetry.alerts;

import io.pulse.jobs.ingest.Rejection;
import io.pulse.jobs.telemetry.rules.AlertRules;
import io.pulse.jobs.telemetry.rules.AlertType;
import io.pulse.jobs.telemetry.rules.RulesParser;
import io.pulse.jobs.telemetry.rules.Severity;

import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.runtime.state.heap.HeapKeyedStateBackend;
import org.apache.flink.streaming.api.operators.AbstractStreamOperator;
import org.apache.flink.streaming.api.operators.co.CoBroadcastWithKeyedOperator;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.KeyedBroadcastOperatorTestHarness;
import org.apache.flink.streaming.util.ProcessFunctionTestHarnesses;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

import static io.pulse.jobs.telemetry.alerts.Fixtures.anomalous;
import static io.pulse.jobs.telemetry.alerts.Fixtures.at;
import static io.pulse.jobs.telemetry.alerts.Fixtures.reading;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

class AlertLifecycleTest {

    private KeyedBroadcastOperatorTestHarness<String, AlertSignal, AlertRules, Alert> harness;

    @BeforeEach
    void open() throws Exception {
        harness = newHarness();
    }

    @AfterEach
    void close() throws Exception {
        harness.close();
    }

    static KeyedBroadcastOperatorTestHarness<String, AlertSignal, AlertRules, Alert> newHarness() throws Exception {
        var harness = ProcessFunctionTestHarnesses.forKeyedBroadcastProcessFunction(
                new AlertLifecycle(PatternSettings.CONTRACT), AlertSignal::deviceId, Types.STRING, RulesBroadcast.STATE);
        harness.processBroadcastWatermark(Long.MAX_VALUE); // the side input holds no event time back (OutOfEventTime)
        return harness;
    }

    static AlertMatch overheat(String device, double seconds, double value) {
        return new AlertMatch(device, AlertType.OVERHEAT, at(seconds), at(seconds - 20), 3, value, Double.NaN, null, null);
    }

    static void send(KeyedBroadcastOperatorTestHarness<String, AlertSignal, AlertRules, Alert> h, Object... signals) throws Exception {
        long newest = Long.MIN_VALUE;
        for (Object s : signals) {
            AlertSignal signal = s instanceof AlertMatch m ? AlertSignal.of(m) : AlertSignal.of((EvaluatedReading) s);
            h.processElement(signal, signal.ts());
            newest = Math.max(newest, signal.ts());
        }
        h.processWatermark(newest);
    }

    private void send(Object... signals) throws Exception {
        send(harness, signals);
    }

    private List<AlertEvent> events() {
        return harness.getSideOutput(AlertOutputs.EVENTS).stream().map(StreamRecord::getValue).toList();
    }

    private List<DeviceCommand> commands() {
        var out = harness.getSideOutput(AlertOutputs.COMMANDS);
        return out == null ? List.of() : out.stream().map(StreamRecord::getValue).toList();
    }

    @Test
    void aMatchOpensTheAlertAndACoolReadingResolvesIt() throws Exception {
        send(reading("R1", 0, "temperature", 80), reading("R1", 10, "temperature", 81),
                reading("R1", 20, "temperature", 82.4), overheat("R1", 20, 82.4),
                reading("R1", 30, "temperature", 72.5));

        String id = Alert.id("R1", AlertType.OVERHEAT, at(20));
        assertThat(events()).extracting(AlertEvent::event, e -> e.alert().alertId()).containsExactly(
                tuple("opened", id), tuple("resolved", id));
        Alert resolved = events().get(1).alert();
        assertThat(resolved.severity()).isEqualTo(Severity.HIGH);
        assertThat(resolved.openedAt()).isEqualTo(Instant.ofEpochMilli(at(20)));
        assertThat(resolved.resolvedAt()).isEqualTo(Instant.ofEpochMilli(at(30)));
        assertThat(resolved.value()).isEqualTo(82.4);
        assertThat(resolved.message()).isEqualTo("Temperature on R1 has been above 75 °C for 3 readings since 10:02:11 UTC"
                + " (82.4 °C). Check cooling and airflow. Resolved at 10:02:41 UTC (72.5 °C).");
        assertThat(harness.extractOutputValues()).extracting(Alert::resolvedAt)
                .containsExactly(null, Instant.ofEpochMilli(at(30)));
    }

    @Test
    void hoveringAroundTheThresholdKeepsOneAlertOpenInsteadOfAStorm() throws Exception {
        send(overheat("R1", 20, 80), reading("R1", 20, "temperature", 80),
                reading("R1", 30, "temperature", 74), reading("R1", 40, "temperature", 76),
                reading("R1", 50, "temperature", 73.5), reading("R1", 60, "temperature", 76),
                reading("R1", 70, "temperature", 76), reading("R1", 80, "temperature", 77), overheat("R1", 80, 77));

        assertThat(events()).extracting(AlertEvent::event).containsExactly("opened");

        send(reading("R1", 90, "temperature", 73));   // threshold 75 - hysteresis 2
        assertThat(events()).extracting(AlertEvent::event).containsExactly("opened", "resolved");
    }

    @Test
    void oneOpenAlertPerDeviceAndType() throws Exception {
        send(overheat("R1", 20, 80), overheat("R1", 30, 81), overheat("R2", 30, 90), overheat("R1", 40, 82));

        assertThat(events()).extracting(e -> e.alert().deviceId(), e -> e.alert().type()).containsExactly(
                tuple("R1", AlertType.OVERHEAT), tuple("R2", AlertType.OVERHEAT));
    }

    @Test
    void aReadingThatArrivesBeforeTheMatchItFollowsIsStillHandledAfterIt() throws Exception {
        // CEP emits the match at 20 only when the watermark passes 20; the cool reading at 25 got here first
        harness.processElement(AlertSignal.of(reading("R1", 25, "temperature", 60)), at(25));
        harness.processElement(AlertSignal.of(overheat("R1", 20, 80)), at(20));
        harness.processWatermark(at(25));

        assertThat(events()).extracting(AlertEvent::event, e -> e.alert().resolvedAt()).containsExactly(
                tuple("opened", null), tuple("resolved", Instant.ofEpochMilli(at(25))));
    }

    @Test
    void lowBatteryOpensRisesToHighBelow10AndResolvesWithHysteresis() throws Exception {
        send(reading("S7", 0, "battery", 25), reading("S7", 10, "battery", 20), reading("S7", 20, "battery", 8),
                reading("S7", 30, "battery", 31), reading("S7", 40, "battery", 32));

        String id = Alert.id("S7", AlertType.LOW_BATTERY, at(0));
        assertThat(events()).extracting(AlertEvent::event, e -> e.alert().alertId(), e -> e.alert().severity(),
                e -> e.alert().value()).containsExactly(
                tuple("opened", id, Severity.LOW, 25.0),
                tuple("escalated", id, Severity.HIGH, 8.0),
                tuple("resolved", id, Severity.HIGH, 8.0));
        assertThat(events().get(0).alert().message()).isEqualTo(
                "Battery on S7 is at 25 % (below 30 %). Replace or recharge it soon.");
        assertThat(events().get(2).alert().resolvedAt()).isEqualTo(Instant.ofEpochMilli(at(40)));
    }

    @Test
    void eventLikeAlertsResolveAfterAQuietWindow() throws Exception {
        AlertMatch burst = new AlertMatch("R1", AlertType.ANOMALY_BURST, at(40), at(0), 3, 4.2, Double.NaN, "temperature", null);
        send(anomalous("R1", 40, 4.2, "temperature"), burst,
                anomalous("R1", 80, 3.3, "temperature"),      // still anomalous: the quiet window restarts
                reading("R1", 130, "temperature", 20),        // 50 s after the last anomaly
                reading("R1", 140, "temperature", 20));       // 60 s after it

        assertThat(events()).extracting(AlertEvent::event, e -> e.alert().resolvedAt()).containsExactly(
                tuple("opened", null), tuple("resolved", Instant.ofEpochMilli(at(140))));
    }

    @Test
    void commandsDeclaredInTheRulesGoWithOpeningAndResolving() throws Exception {
        harness.processBroadcastElement(RulesParser.parse(("{\"version\": 4, \"commands\": {\"OVERHEAT\":"
                + " {\"opened\": {\"command\": \"fan\", \"state\": \"on\"}, \"resolved\": {\"command\": \"fan\", \"state\": \"off\"}}}}")
                .getBytes(StandardCharsets.UTF_8)), 0);

        send(overheat("R1", 20, 80), reading("R1", 30, "temperature", 60), reading("S7", 30, "battery", 20));

        String id = Alert.id("R1", AlertType.OVERHEAT, at(20));
        assertThat(commands()).containsExactly(
                new DeviceCommand("R1", id, "opened", "{\"command\":\"fan\",\"state\":\"on\"}"),
                new DeviceCommand("R1", id, "resolved", "{\"command\":\"fan\",\"state\":\"off\"}"));
        assertThat(commands().get(0).topic()).isEqualTo("devices/R1/commands");
    }

    @Test
    void aTypeTheRulesSwitchOffResolvesAtTheNextReading() throws Exception {
        send(overheat("R1", 20, 80));
        harness.processBroadcastElement(rules("{\"version\": 5, \"devices\": {\"R1\": {\"OVERHEAT\": {\"enabled\": false}}}}"), at(21));
        send(reading("R1", 30, "temperature", 80));

        assertThat(events()).extracting(AlertEvent::event).containsExactly("opened", "resolved");
    }

    @Test
    void theSameInputGivesTheSameAlertsAndIds() throws Exception {
        Object[] scenario = {overheat("R1", 20, 80), reading("R1", 30, "temperature", 60),
                reading("S7", 5, "battery", 20), reading("S7", 50, "battery", 40)};
        send(scenario);
        try (var again = newHarness()) {
            send(again, scenario);
            assertThat(again.extractOutputValues()).isEqualTo(harness.extractOutputValues()).hasSize(4);
        }
    }

    @Test
    void nothingIsKeptForADeviceWithoutOpenAlerts() throws Exception {
        send(reading("R1", 0, "temperature", 80), overheat("R1", 20, 80), reading("R1", 30, "temperature", 80));
        assertThat(keyedStateEntries()).isPositive();

        send(reading("R1", 40, "temperature", 60), reading("R1", 50, "temperature", 60));

        assertThat(keyedStateEntries()).isZero();
        assertThat(harness.numEventTimeTimers()).isZero();
    }

    @Test
    void anOpenAlertSurvivesARestoreAndResolvesWithTheSameId() throws Exception {
        send(overheat("R1", 20, 80), reading("R1", 25, "temperature", 80));
        harness.processElement(AlertSignal.of(reading("R1", 30, "temperature", 60)), at(30)); // waiting for the watermark
        var snapshot = harness.snapshot(1, 1);

        try (var restored = new KeyedBroadcastOperatorTestHarness<>(
                new CoBroadcastWithKeyedOperator<>(new AlertLifecycle(PatternSettings.CONTRACT), List.of(RulesBroadcast.STATE)),
                AlertSignal::deviceId, Types.STRING, 1, 1, 0)) {
            restored.initializeState(snapshot);
            restored.open();
            restored.processBroadcastWatermark(Long.MAX_VALUE);
            restored.processWatermark(at(30));

            assertThat(restored.extractOutputValues()).extracting(Alert::alertId, Alert::resolvedAt).containsExactly(
                    tuple(Alert.id("R1", AlertType.OVERHEAT, at(20)), Instant.ofEpochMilli(at(30))));
        }
    }

    private int keyedStateEntries() {
        AbstractStreamOperator<?> operator = (AbstractStreamOperator<?>) harness.getOperator();
        return ((HeapKeyedStateBackend<?>) operator.getKeyedStateBackend()).numKeyValueStateEntries();
    }

    static AlertRules rules(String json) throws Rejection {
        return RulesParser.parse(json.getBytes(StandardCharsets.UTF_8));
    }
}

package io.pulse.jobs.telemetry.alerts;

import io.pulse.connectors.mqtt.MqttMessage;
import io.pulse.jobs.ingest.ParseStep;
import io.pulse.jobs.ingest.RejectedMessage;
import io.pulse.jobs.telemetry.rules.AlertRules;
import io.pulse.jobs.telemetry.rules.RulesParser;

import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.runtime.checkpoint.OperatorSubtaskState;
import org.apache.flink.streaming.api.operators.co.CoBroadcastWithKeyedOperator;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.KeyedBroadcastOperatorTestHarness;
import org.apache.flink.streaming.util.OneInputStreamOperatorTestHarness;
import org.apache.flink.streaming.util.ProcessFunctionTestHarnesses;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static io.pulse.jobs.telemetry.alerts.Fixtures.input;
import static org.assertj.core.api.Assertions.assertThat;

/** Rules applied at run time through broadcast state, as the job receives them from pulse/config/rules. */
class ApplyRulesTest {

    private KeyedBroadcastOperatorTestHarness<String, AlertInput, AlertRules, EvaluatedReading> rulesStep;
    private OneInputStreamOperatorTestHarness<MqttMessage, AlertRules> parseStep;

    @BeforeEach
    void open() throws Exception {
        rulesStep = newRulesStep();
        rulesStep.open();
        parseStep = ProcessFunctionTestHarnesses.forProcessFunction(new ParseStep<>("telemetry", new RulesParser(), AlertRules.class));
    }

    @AfterEach
    void close() throws Exception {
        rulesStep.close();
        parseStep.close();
    }

    static KeyedBroadcastOperatorTestHarness<String, AlertInput, AlertRules, EvaluatedReading> newRulesStep() throws Exception {
        return new KeyedBroadcastOperatorTestHarness<>(
                new CoBroadcastWithKeyedOperator<>(new ApplyRules(), List.of(RulesBroadcast.STATE)),
                AlertInput::deviceId, Types.STRING, 1, 1, 0);
    }

    /** Publishes a rules message: parsed as the job does, and broadcast when valid. */
    private void publish(String json) throws Exception {
        int before = parseStep.extractOutputValues().size();
        parseStep.processElement(new MqttMessage(RulesParser.TOPIC, json.getBytes(StandardCharsets.UTF_8), 1, true, null, Map.of()), 0);
        List<AlertRules> parsed = parseStep.extractOutputValues();
        for (AlertRules rules : parsed.subList(before, parsed.size())) {
            rulesStep.processBroadcastElement(rules, 0);
        }
    }

    private boolean hot(String device, double temperature) throws Exception {
        rulesStep.processElement(input(device, 0, "temperature", temperature), 0);
        List<EvaluatedReading> out = rulesStep.extractOutputValues();
        return out.get(out.size() - 1).hot();
    }

    @Test
    void readingsBeforeAnyRulesMessageUseTheContractDefaults() throws Exception {
        assertThat(hot("R1", 75)).isFalse();
        assertThat(hot("R1", 75.5)).isTrue();
    }

    @Test
    void aNewVersionReplacesTheOldWithoutARestart() throws Exception {
        publish("{\"version\": 1, \"defaults\": {\"OVERHEAT\": {\"threshold\": 70}}}");
        assertThat(hot("R1", 72)).isTrue();

        publish("{\"version\": 2, \"defaults\": {\"OVERHEAT\": {\"threshold\": 80}}, \"devices\": {\"R2\": {\"OVERHEAT\": {\"threshold\": 60}}}}");
        assertThat(hot("R1", 72)).isFalse();
        assertThat(hot("R1", 81)).isTrue();
        assertThat(hot("R2", 61)).isTrue();
    }

    @Test
    void anInvalidRulesMessageIsRejectedWithItsReasonAndTheOldRulesStay() throws Exception {
        publish("{\"version\": 1, \"defaults\": {\"OVERHEAT\": {\"threshold\": 70}}}");
        publish("{\"version\": 2, \"defaults\": {\"OVERHEAT\": {\"threshold\": \"80\"}}}");

        List<RejectedMessage> rejected = parseStep.getSideOutput(ParseStep.REJECTED).stream().map(StreamRecord::getValue).toList();
        assertThat(rejected).extracting(RejectedMessage::topic, RejectedMessage::reason).containsExactly(
                org.assertj.core.groups.Tuple.tuple(RulesParser.TOPIC, "defaults.OVERHEAT.threshold must be a number, got string"));
        assertThat(hot("R1", 72)).isTrue(); // still version 1
    }

    @Test
    void theRulesInForceSurviveARestore() throws Exception {
        publish("{\"version\": 7, \"defaults\": {\"OVERHEAT\": {\"threshold\": 70}}}");
        OperatorSubtaskState snapshot = rulesStep.snapshot(1, 1);

        try (var restored = newRulesStep()) {
            restored.initializeState(snapshot);
            restored.open();
            restored.processElement(input("R1", 0, "temperature", 72), 0);
            assertThat(restored.extractOutputValues()).extracting(EvaluatedReading::hot).containsExactly(true);
        }
    }
}

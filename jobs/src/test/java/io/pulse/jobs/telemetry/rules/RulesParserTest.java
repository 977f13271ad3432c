package io.pulse.jobs.telemetry.rules;

import io.pulse.connectors.mqtt.MqttMessage;
import io.pulse.jobs.ingest.CollectingRejects;
import io.pulse.jobs.ingest.MessageParser;
import io.pulse.jobs.ingest.Rejection;

import org.apache.flink.api.common.serialization.SerializerConfigImpl;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.core.memory.DataInputDeserializer;
import org.apache.flink.core.memory.DataOutputSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RulesParserTest {

    static final String FULL = """
            {"version": 3,
             "defaults": {"OVERHEAT": {"threshold": 80, "hysteresis": 3},
                          "LOW_BATTERY": {"critical": 15},
                          "OFFLINE": {"afterSeconds": 30}},
             "devices": {"R1": {"OVERHEAT": {"threshold": 70}, "ANOMALY_BURST": {"enabled": false}}},
             "commands": {"OVERHEAT": {"opened": {"command": "fan", "state": "on"},
                                       "resolved": {"command": "fan", "state": "off"}}}}
            """;

    static AlertRules parse(String json) throws Rejection {
        return RulesParser.parse(json.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void readsAFullRulesMessage() throws Rejection {
        AlertRules rules = parse(FULL);

        assertThat(rules.version()).isEqualTo(3);
        assertThat(rules.rule("R9", AlertType.OVERHEAT)).isEqualTo(new Rule(true, 80, Double.NaN, 3, Double.NaN));
        assertThat(rules.rule("R9", AlertType.LOW_BATTERY)).isEqualTo(new Rule(true, 30, 15, 2, Double.NaN));
        assertThat(rules.rule("R9", AlertType.OFFLINE).afterMillis()).isEqualTo(30_000);
        assertThat(rules.rule("R9", AlertType.HIGH_VIBRATION)).isEqualTo(Rule.contractDefault(AlertType.HIGH_VIBRATION));
        assertThat(rules.command(AlertType.OVERHEAT, true)).isEqualTo("{\"command\":\"fan\",\"state\":\"on\"}");
        assertThat(rules.command(AlertType.OVERHEAT, false)).isEqualTo("{\"command\":\"fan\",\"state\":\"off\"}");
        assertThat(rules.command(AlertType.LOW_BATTERY, true)).isNull();
    }

    @Test
    void aDeviceOverrideAppliesToThatDeviceOverTheNewDefaults() throws Rejection {
        AlertRules rules = parse(FULL);

        // threshold from the device, hysteresis from the message's defaults
        assertThat(rules.rule("R1", AlertType.OVERHEAT)).isEqualTo(new Rule(true, 70, Double.NaN, 3, Double.NaN));
        assertThat(rules.rule("R1", AlertType.ANOMALY_BURST).enabled()).isFalse();
        assertThat(rules.rule("R1", AlertType.OFFLINE).afterMillis()).isEqualTo(30_000);
        assertThat(rules.rule("R2", AlertType.OVERHEAT).threshold()).isEqualTo(80);
        assertThat(rules.rule("R2", AlertType.ANOMALY_BURST).enabled()).isTrue();
    }

    @Test
    void whatAMessageDoesNotSetKeepsTheContractDefaults() throws Rejection {
        AlertRules rules = parse("{\"version\": 1}");

        assertThat(rules.defaults()).isEqualTo(AlertRules.DEFAULTS.defaults());
        assertThat(rules.rule("any", AlertType.OVERHEAT).threshold()).isEqualTo(75);
        assertThat(rules.rule("any", AlertType.HIGH_VIBRATION).threshold()).isEqualTo(1.5);
        assertThat(rules.rule("any", AlertType.LOW_BATTERY)).isEqualTo(new Rule(true, 30, 10, 2, Double.NaN));
        assertThat(rules.rule("any", AlertType.BATTERY_DROP).threshold()).isEqualTo(10);
        assertThat(rules.rule("any", AlertType.FIRE_RISK).threshold()).isEqualTo(400);
        assertThat(rules.rule("any", AlertType.OFFLINE).afterMillis()).isEqualTo(15_000);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '\'', value = {
        "not JSON             | {\"version\": 1                                              | rules are not JSON",
        "an array             | [{\"version\": 1}]                                           | rules must be a JSON object, got array",
        "empty                | ''                                                          | rules payload is empty",
        "unknown field        | {\"version\": 1, \"thresholds\": {}}                          | rules: unknown field 'thresholds' (expected version, defaults, devices, commands)",
        "no version           | {\"defaults\": {}}                                           | version is missing",
        "negative version     | {\"version\": -1}                                            | version must be a whole number >= 0, got -1",
        "text version         | {\"version\": \"3\"}                                         | version must be a whole number >= 0, got \"3\"",
        "duplicate key        | {\"version\": 1, \"version\": 2}                              | rules are not JSON: Duplicate field 'version'",
        "unknown type         | {\"version\": 1, \"defaults\": {\"OVERHAT\": {}}}             | defaults: unknown alert type 'OVERHAT' (known: OVERHEAT, HIGH_VIBRATION, LOW_BATTERY, BATTERY_DROP, ANOMALY_BURST, FIRE_RISK, OFFLINE)",
        "misspelt setting     | {\"version\": 1, \"defaults\": {\"OVERHEAT\": {\"treshold\": 70}}} | defaults.OVERHEAT: unknown setting 'treshold' (OVERHEAT takes enabled, threshold, hysteresis)",
        "count at run time    | {\"version\": 1, \"defaults\": {\"OVERHEAT\": {\"count\": 4}}}  | defaults.OVERHEAT.count cannot change at run time",
        "text threshold       | {\"version\": 1, \"defaults\": {\"OVERHEAT\": {\"threshold\": \"75\"}}} | defaults.OVERHEAT.threshold must be a number, got string",
        "text enabled         | {\"version\": 1, \"defaults\": {\"FIRE_RISK\": {\"enabled\": 1}}} | defaults.FIRE_RISK.enabled must be true or false, got number",
        "threshold off range  | {\"version\": 1, \"defaults\": {\"OVERHEAT\": {\"threshold\": 200}}} | defaults.OVERHEAT.threshold: temperature 200.0 is outside its valid range [-50, 150]",
        "negative hysteresis  | {\"version\": 1, \"defaults\": {\"OVERHEAT\": {\"hysteresis\": -1}}} | defaults.OVERHEAT.hysteresis must be >= 0, got -1",
        "critical above low   | {\"version\": 1, \"defaults\": {\"LOW_BATTERY\": {\"critical\": 40}}} | defaults.LOW_BATTERY.critical (40) must not be above threshold (30)",
        "device makes it so   | {\"version\": 1, \"devices\": {\"S7\": {\"LOW_BATTERY\": {\"threshold\": 5}}}} | devices.S7.LOW_BATTERY.critical (10) must not be above threshold (5)",
        "zero drop            | {\"version\": 1, \"defaults\": {\"BATTERY_DROP\": {\"threshold\": 0}}} | defaults.BATTERY_DROP.threshold must be a fall in points in (0, 100], got 0",
        "zero offline         | {\"version\": 1, \"defaults\": {\"OFFLINE\": {\"afterSeconds\": 0}}} | defaults.OFFLINE.afterSeconds must be between 1 and 86400, got 0",
        "settings not object  | {\"version\": 1, \"defaults\": {\"OVERHEAT\": 75}}            | defaults.OVERHEAT must be a JSON object, got number",
        "bad device id        | {\"version\": 1, \"devices\": {\"a/b\": {}}}                 | devices: 'a/b' is not a device id",
        "command for OFFLINE  | {\"version\": 1, \"commands\": {\"OFFLINE\": {}}}            | commands.OFFLINE: commands are not sent for OFFLINE",
        "command not object   | {\"version\": 1, \"commands\": {\"OVERHEAT\": {\"opened\": \"fan on\"}}} | commands.OVERHEAT.opened must be a non-empty JSON object (published as is), got string",
        "command unknown key  | {\"version\": 1, \"commands\": {\"OVERHEAT\": {\"open\": {\"a\": 1}}}} | commands.OVERHEAT: unknown field 'open' (expected opened, resolved)",
    })
    void refusesWithAPreciseReason(String name, String json, String reason) {
        assertThatThrownBy(() -> parse(json)).isInstanceOf(Rejection.class).hasMessageStartingWith(reason);
    }

    @Test
    void asAMessageParserItReportsRefusalsAndReadsOnlyTheRulesTopic() {
        List<AlertRules> records = new ArrayList<>();
        CollectingRejects rejects = new CollectingRejects();
        List<String> reasons = rejects.reasons;
        RulesParser parser = new RulesParser();
        parser.parse(message(RulesParser.TOPIC, "{\"version\": 2}"), Instant.now(), records::add, rejects);
        parser.parse(message(RulesParser.TOPIC, "{\"version\": 2, \"defaults\": 1}"), Instant.now(), records::add, rejects);
        parser.parse(message("pulse/config/other", "{\"version\": 2}"), Instant.now(), records::add, rejects);

        assertThat(records).extracting(AlertRules::version).containsExactly(2L);
        assertThat(reasons).containsExactly(
                "defaults must be a JSON object, got number",
                "rules are read from pulse/config/rules, not from 'pulse/config/other'");
    }

    @Test
    void rulesSurviveFlinkSerialization() throws Exception {
        AlertRules rules = parse(FULL);
        TypeSerializer<AlertRules> serializer = TypeInformation.of(AlertRules.class).createSerializer(new SerializerConfigImpl());
        DataOutputSerializer out = new DataOutputSerializer(256);
        serializer.serialize(rules, out);

        AlertRules back = serializer.deserialize(new DataInputDeserializer(out.getCopyOfBuffer()));

        assertThat(back).isEqualTo(rules);
        assertThat(serializer.copy(rules)).isEqualTo(rules);
        assertThat(back.rule("R1", AlertType.OVERHEAT).threshold()).isEqualTo(70);
    }

    static MqttMessage message(String topic, String payload) {
        return new MqttMessage(topic, payload.getBytes(StandardCharsets.UTF_8), 1, true, null, Map.of());
    }
}

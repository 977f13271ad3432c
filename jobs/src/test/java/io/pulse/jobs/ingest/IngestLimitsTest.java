package io.pulse.jobs.ingest;

import io.pulse.connectors.mqtt.MqttMessage;
import io.pulse.jobs.telemetry.MetricRanges;
import io.pulse.jobs.telemetry.Reading;
import io.pulse.jobs.telemetry.TelemetryParser;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The contract's limits, each violation one rejection with a reason a person can act on. */
class IngestLimitsTest {

    private static final Instant NOW = Instant.parse("2026-03-02T09:00:00Z");
    private static final String TS = "\"ts\":\"2026-03-02T08:00:00Z\"";

    private final List<Reading> readings = new ArrayList<>();
    private final List<String> reasons = new ArrayList<>();

    private void parse(String topic, byte[] payload) {
        new TelemetryParser(MetricRanges.CONTRACT).parse(new MqttMessage(topic, payload, 1, false, null, Map.of()), NOW,
                readings::add, new MessageParser.Rejects() {
                    @Override
                    public void reject(String reason) {
                        reasons.add(reason);
                    }

                    @Override
                    public void reject(String reason, String part) {
                        reasons.add(reason);
                    }
                });
    }

    private void parse(String topic, String payload) {
        parse(topic, payload.getBytes(StandardCharsets.UTF_8));
    }

    private String onlyReason() {
        assertThat(readings).isEmpty();
        assertThat(reasons).hasSize(1);
        return reasons.get(0);
    }

    @Test
    void idsFitTheirColumnsAndCarryNoControlOrTopicCharacters() {
        String longId = "D".repeat(65);
        parse("devices/" + longId + "/telemetry", "{\"deviceId\":\"" + longId + "\"," + TS + ",\"temperature\":20}");
        assertThat(onlyReason()).startsWith("the topic's deviceId 'DDDD").endsWith("characters from A-Z a-z 0-9 . _ - (it has 65)");
        reasons.clear();
        parse("devices/a\u001bb/telemetry", "{\"deviceId\":\"a\u001bb\"," + TS + ",\"temperature\":20}");
        assertThat(onlyReason()).isEqualTo("the topic's deviceId 'a\\u001bb' is not an id: 1 to 64 characters from A-Z a-z 0-9 . _ -");
        reasons.clear();
        parse("devices/" + "D".repeat(64) + "/telemetry", "{\"deviceId\":\"" + "D".repeat(64) + "\"," + TS + ",\"temperature\":20}");
        assertThat(readings).hasSize(1);
        assertThat(reasons).isEmpty();
    }

    @Test
    void aMessageIsSmallUtf8JsonWithLimitedNestingAndObjects() {
        String topic = "devices/D1/telemetry";
        parse(topic, new byte[64 * 1024 + 1]);
        parse(topic, ("\uFEFF{\"deviceId\":\"D1\"," + TS + ",\"temperature\":20}").getBytes(StandardCharsets.UTF_8));
        parse(topic, ("{\"deviceId\":\"D1\"," + TS + ",\"temperature\":20}").getBytes(StandardCharsets.UTF_16));
        parse(topic, ("{\"deviceId\":\"D1\"," + TS + ",\"temperature\":20}").getBytes(StandardCharsets.UTF_16LE));
        parse(topic, new byte[] {'{', '"', (byte) 0xc3, (byte) 0x28, '"', ':', '1', '}'});
        parse(topic, "[".repeat(20) + "]".repeat(20));
        StringBuilder many = new StringBuilder("[");
        for (int i = 0; i < 1_001; i++) {
            many.append(i == 0 ? "" : ",").append("{\"deviceId\":\"D1\",\"ts\":").append(1772438400000L + i).append(",\"temperature\":20}");
        }
        parse(topic, many.append("]").toString());
        assertThat(readings).isEmpty();
        assertThat(reasons).containsExactly(
                "payload is 65537 bytes, more than 65536",
                "payload starts with a UTF-8 byte-order mark: send UTF-8 without one",
                "payload is UTF-16 or UTF-32 (byte-order mark): send UTF-8",
                "payload contains NUL bytes (UTF-16 or binary?): send UTF-8 JSON",
                "payload is not valid UTF-8",
                "JSON nesting is deeper than 8 levels",
                "payload has 1001 objects, more than 1000 per message");
    }

    @Test
    void idAndMetricNameCharactersAreExactlyTheContractsAndValidNonAsciiUtf8PassesTheUtf8Check() {
        String topic = "devices/D1/telemetry";
        parse(topic, "{\"deviceId\":\"D1\"," + TS + ",\"temp-c\":1}");
        parse(topic, "{\"deviceId\":\"D1\"," + TS + ",\"t\u00e9mp\":1}");
        parse(topic, "{\"deviceId\":\"D1\"," + TS + ",\"t" + "x".repeat(64) + "\":1}");
        parse("devices/D\u00e91/telemetry", "{\"deviceId\":\"D\u00e91\"," + TS + ",\"temperature\":20}");
        assertThat(reasons).containsExactly(
                "metric name 'temp-c' is not valid: a letter, then letters, digits or _, at most 64 characters",
                "metric name 't\u00e9mp' is not valid: a letter, then letters, digits or _, at most 64 characters",
                "metric name 't" + "x".repeat(36) + "...' is not valid: a letter, then letters, digits or _, at most 64 characters",
                "the topic's deviceId 'D\u00e91' is not an id: 1 to 64 characters from A-Z a-z 0-9 . _ -");
        reasons.clear();
        parse(topic, "{\"deviceId\":\"D1\"," + TS + ",\"Temp_2\":20,\"t" + "x".repeat(63) + "\":1,\"note\":\"caf\u00e9 \u2103\"}");
        assertThat(reasons).isEmpty();
        assertThat(readings).hasSize(1);
    }

    @Test
    void metricNamesAndCountsAndTimesAreWithinTheContract() {
        String topic = "devices/D1/telemetry";
        parse(topic, "{\"deviceId\":\"D1\"," + TS + ",\"9lives\":1}");
        StringBuilder wide = new StringBuilder("{\"deviceId\":\"D1\"," + TS);
        for (int i = 0; i < 33; i++) {
            wide.append(",\"m").append(i).append("\":1");
        }
        parse(topic, wide.append("}").toString());
        parse(topic, "{\"deviceId\":\"D1\",\"ts\":\"1999-12-31T23:59:59Z\",\"temperature\":20}");
        parse(topic, "{\"deviceId\":\"D1\",\"ts\":\"2026-03-02T09:05:01Z\",\"temperature\":20}");
        parse(topic, "{\"deviceId\":\"D1\"," + TS + ",\"temperature\":1e400}");
        assertThat(readings).isEmpty();
        assertThat(reasons).containsExactly(
                "metric name '9lives' is not valid: a letter, then letters, digits or _, at most 64 characters",
                "reading has 33 fields besides deviceId and ts, more than 32 metrics",
                "ts 1999-12-31T23:59:59Z is before 2000-01-01T00:00:00Z: not a real reading time (clock not set?)",
                "ts 2026-03-02T09:05:01Z is more than 5 minutes in the future",
                "temperature is infinite");
    }

    @Test
    void storedRejectsFitTheirColumnsWithControlCharactersEscaped() {
        RejectedMessage reject = RejectedMessage.of("telemetry", "t/" + "x".repeat(400), new byte[10_000],
                "deviceId 'a\u0000b' " + "y".repeat(400), Instant.EPOCH);
        assertThat(reject.topic()).hasSize(255).endsWith("...");
        assertThat(reject.reason()).hasSize(255).startsWith("deviceId 'a\\u0000b' ").doesNotContain("\u0000");
        assertThat(reject.payload()).hasSize(4096);
    }
}

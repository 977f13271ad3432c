package io.pulse.jobs.telemetry;

import io.pulse.connectors.mqtt.MqttMessage;
import io.pulse.jobs.ingest.CollectingRejects;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class TelemetryParserTest {

    private static final Instant NOW = Instant.parse("2026-03-02T08:00:00Z");
    private final TelemetryParser parser = new TelemetryParser(MetricRanges.CONTRACT);
    private final List<Reading> readings = new ArrayList<>();
    private final CollectingRejects rejects = new CollectingRejects();
    private final List<String> reasons = rejects.reasons;
    private final List<String> parts = rejects.parts;

    private void parse(String topic, String payload) {
        MqttMessage message = new MqttMessage(topic, payload.getBytes(StandardCharsets.UTF_8), 1, false, null, Map.of());
        parser.parse(message, NOW, readings::add, rejects);
    }

    @Test
    void aValidReadingKeepsEveryNumberAndBooleanAsAMetric() {
        parse("devices/R1/telemetry", "{\"deviceId\":\"R1\",\"ts\":\"2026-03-02T07:59:59.500Z\",\"temperature\":82.4,"
                + "\"flame\":true,\"motion\":false,\"rpm\":1200,\"firmware\":\"1.4.2\"}");

        assertThat(reasons).isEmpty();
        assertThat(readings).containsExactly(new Reading("R1", Instant.parse("2026-03-02T07:59:59.500Z").toEpochMilli(),
                Map.of("temperature", 82.4, "flame", 1.0, "motion", 0.0, "rpm", 1200.0)));
    }

    @Test
    void everyBadMessageIsRefusedWithItsReason() {
        String ts = "\"ts\":1772438400000";
        Map<String, String> corpus = new java.util.LinkedHashMap<>();
        corpus.put("{\"ts\":1772438400000,\"temperature\":20}", "deviceId is missing");
        corpus.put("{\"deviceId\":\"R2\"," + ts + ",\"temperature\":20}", "deviceId 'R2' does not match the topic's 'R1'");
        corpus.put("{\"deviceId\":\"R1\",\"temperature\":20}", "ts is missing");
        corpus.put("{\"deviceId\":\"R1\",\"ts\":\"yesterday\",\"temperature\":20}",
                "ts 'yesterday' is not ISO-8601 with a zone (e.g. 2026-03-02T08:00:01.250Z)");
        corpus.put("{\"deviceId\":\"R1\",\"ts\":\"2026-03-02T08:05:00.001Z\",\"temperature\":20}",
                "ts 2026-03-02T08:05:00.001Z is more than 5 minutes in the future");
        corpus.put("{\"deviceId\":\"R1\"," + ts + ",\"temperature\":\"hot\"}", "temperature must be a number or a boolean, got string");
        corpus.put("{\"deviceId\":\"R1\"," + ts + ",\"temperature\":null}", "temperature must be a number or a boolean, got null");
        corpus.put("{\"deviceId\":\"R1\"," + ts + ",\"temperature\":NaN}", "temperature is NaN");
        corpus.put("{\"deviceId\":\"R1\"," + ts + ",\"pressure\":Infinity}", "pressure is infinite");
        corpus.put("{\"deviceId\":\"R1\"," + ts + ",\"temperature\":180}", "temperature 180.0 is outside its valid range [-50, 150]");
        corpus.put("{\"deviceId\":\"R1\"," + ts + ",\"battery\":-1}", "battery -1.0 is outside its valid range [0, 100]");
        corpus.put("{\"deviceId\":\"R1\"," + ts + ",\"firmware\":\"1.0\"}", "reading has no metrics");
        corpus.put("{\"deviceId\":\"R1\",", "payload is not JSON: Unexpected end-of-input within/between Object entries");
        corpus.put("\"just text\"", "payload must be a JSON object or an array of objects, got string");

        corpus.forEach((payload, reason) -> parse("devices/R1/telemetry", payload));

        assertThat(readings).isEmpty();
        assertThat(reasons).containsExactlyElementsOf(corpus.values());
    }

    @Test
    void aTopicOutsideTheContractIsRefused() {
        parse("devices/R1/status", "{\"deviceId\":\"R1\",\"ts\":1772438400000,\"temperature\":20}");
        assertThat(reasons).containsExactly("topic 'devices/R1/status' does not match devices/{deviceId}/telemetry");
    }

    @Test
    void inAnArrayEachObjectIsJudgedOnItsOwn() {
        parse("devices/R1/telemetry", "[{\"deviceId\":\"R1\",\"ts\":1772438400000,\"temperature\":20},"
                + "{\"deviceId\":\"R1\",\"ts\":1772438401000,\"temperature\":999},"
                + "{\"deviceId\":\"R1\",\"ts\":1772438402000,\"humidity\":40}]");

        assertThat(readings).extracting(Reading::ts).containsExactly(1772438400000L, 1772438402000L);
        assertThat(reasons).containsExactly("temperature 999.0 is outside its valid range [-50, 150]");
        assertThat(parts).containsExactly("{\"deviceId\":\"R1\",\"ts\":1772438401000,\"temperature\":999}");
    }
}

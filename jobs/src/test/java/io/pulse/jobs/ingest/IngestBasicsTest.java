package io.pulse.jobs.ingest;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class IngestBasicsTest {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    @Test
    void eventTimesAreIsoWithAZoneOrEpochMillis() throws Rejection {
        assertThat(EventTime.parse(JSON.textNode("2026-03-02T08:00:01.250Z"))).isEqualTo(Instant.parse("2026-03-02T08:00:01.250Z"));
        assertThat(EventTime.parse(JSON.textNode("2026-03-02T13:30:01.250+05:30"))).isEqualTo(Instant.parse("2026-03-02T08:00:01.250Z"));
        assertThat(EventTime.parse(JSON.numberNode(1772438401250L))).isEqualTo(Instant.parse("2026-03-02T08:00:01.250Z"));
        assertThatThrownBy(() -> EventTime.parse(null)).hasMessage("ts is missing");
        assertThatThrownBy(() -> EventTime.parse(JSON.textNode("2026-03-02T08:00:01")))
                .hasMessage("ts '2026-03-02T08:00:01' is not ISO-8601 with a zone (e.g. 2026-03-02T08:00:01.250Z)");
        assertThatThrownBy(() -> EventTime.parse(JSON.numberNode(-5))).hasMessageContaining("not a valid epoch");
        assertThatThrownBy(() -> EventTime.parse(JSON.numberNode(1.5))).hasMessageContaining("got number");
        assertThatThrownBy(() -> EventTime.parse(JSON.booleanNode(true))).hasMessageContaining("got boolean");
    }

    @Test
    void payloadsAreAnObjectOrAnArrayOfObjects() throws Rejection {
        assertThat(JsonPayload.objects(bytes("{\"a\":1}"))).hasSize(1);
        assertThat(JsonPayload.objects(bytes("[{\"a\":1},{\"a\":2}]"))).hasSize(2);
        assertThat(JsonPayload.objects(bytes("{\"t\":NaN}")).get(0).get("t").doubleValue()).isNaN();
        assertThatThrownBy(() -> JsonPayload.objects(bytes("{\"a\":"))).hasMessageStartingWith("payload is not JSON");
        assertThatThrownBy(() -> JsonPayload.objects(bytes(""))).hasMessage("payload is empty");
        assertThatThrownBy(() -> JsonPayload.objects(bytes("42"))).hasMessageContaining("got number");
        assertThatThrownBy(() -> JsonPayload.objects(bytes("[]"))).hasMessage("payload is an empty array");
    }

    @Test
    void topicPatternsGiveTheFilterAndTheVariable() throws Rejection {
        TopicPattern pattern = new TopicPattern("devices/{deviceId}/telemetry");
        assertThat(pattern.filter()).isEqualTo("devices/+/telemetry");
        assertThat(pattern.extract("devices/R1/telemetry")).isEqualTo("R1");
        assertThatThrownBy(() -> pattern.extract("devices//telemetry")).hasMessageContaining("does not match");
        assertThatThrownBy(() -> pattern.extract("devices/a/b/telemetry")).hasMessageContaining("does not match");
        assertThatThrownBy(() -> pattern.extract("energy/meters/m1/readings")).hasMessageContaining("does not match");
    }

    @Test
    void rejectedMessagesHaveDeterministicIdsAndAtMost4KiBOfPayload() {
        Instant now = Instant.parse("2026-03-02T08:00:00Z");
        RejectedMessage a = RejectedMessage.of("telemetry", "devices/x/telemetry", bytes("{}"), "reason", now);
        RejectedMessage b = RejectedMessage.of("telemetry", "devices/x/telemetry", bytes("{}"), "reason", now.plusSeconds(9));
        RejectedMessage c = RejectedMessage.of("telemetry", "devices/x/telemetry", bytes("{}"), "other reason", now);
        assertThat(a.rejectId()).hasSize(64).isEqualTo(b.rejectId()).isNotEqualTo(c.rejectId());

        RejectedMessage big = RejectedMessage.of("telemetry", "t", new byte[10_000], "r".repeat(400), now);
        assertThat(big.payload()).hasSize(RejectedMessage.MAX_PAYLOAD_BYTES);
        assertThat(big.reason()).hasSize(255).endsWith("...");
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}

package io.pulse.jobs.movement.ingest;

import io.pulse.connectors.mqtt.MqttMessage;
import io.pulse.jobs.ingest.CollectingRejects;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class SightingParserTest {

    static final String KEY = "campus-secret";
    /** openssl: printf 'a4:5e:60:12:34:56' | openssl dgst -sha256 -hmac campus-secret */
    static final String PERSON = "d30972d52a856065097683662387e4f47c0d373aaeaa8ff1b3a15f436a28aa0d";
    static final Instant NOW = Instant.parse("2026-03-02T09:00:00Z");

    private final SightingParser parser = new SightingParser(new Pseudonyms(KEY));
    private final List<Sighting> records = new ArrayList<>();
    private final CollectingRejects rejects = new CollectingRejects();

    private void parse(String gate, String json) {
        parser.parse(new MqttMessage("campus/gates/" + gate + "/sightings", json.getBytes(StandardCharsets.UTF_8), 1, false, null, Map.of()),
                NOW, records::add, rejects);
    }

    @Test
    void theContractPseudonymForEveryWayOfWritingTheMac() {
        for (String mac : List.of("A4:5E:60:12:34:56", "a4-5e-60-12-34-56", "a45E60123456", "A4:5e:60:12:34:56")) {
            parse("main", "{\"scanner\":\"main-in-1\",\"role\":\"in\",\"ts\":\"2026-03-02T08:00:01.250Z\",\"mac\":\"" + mac + "\"}");
        }
        assertThat(rejects.reasons).isEmpty();
        assertThat(records).hasSize(4).allSatisfy(s -> {
            assertThat(s.personId()).isEqualTo(PERSON);
            assertThat(s.gate()).isEqualTo("main");
            assertThat(s.role()).isEqualTo(GateRole.IN);
            assertThat(s.ts()).isEqualTo(Instant.parse("2026-03-02T08:00:01.250Z").toEpochMilli());
            assertThat(s.randomized()).isFalse();
            assertThat(s.toString()).doesNotContainIgnoringCase("a4:5e").doesNotContainIgnoringCase("a45e60");
        });
    }

    @Test
    void firmwareHashesAreUsedAsTheyAre() {
        parse("east", "[{\"scanner\":\"e-out\",\"role\":\"outer\",\"ts\":1772438401000,\"macHash\":\"" + PERSON + "\"},"
                + "{\"scanner\":\"e-in\",\"role\":\"INNER\",\"ts\":1772438402000,\"macHash\":\"" + PERSON + "\",\"rssi\":-61}]");
        assertThat(records).extracting(Sighting::personId).containsExactly(PERSON, PERSON);
        assertThat(records).extracting(Sighting::role).containsExactly(GateRole.OUTER, GateRole.INNER);
    }

    @Test
    void randomizedMacsAreCountedButNeverPseudonymized() {
        parse("main", "{\"scanner\":\"s\",\"role\":\"in\",\"ts\":1772438400000,\"mac\":\"A6:11:22:33:44:55\"}");      // locally administered
        parse("main", "{\"scanner\":\"s\",\"role\":\"in\",\"ts\":1772438400000,\"mac\":\"A4:5E:60:12:34:56\",\"randomized\":true}");
        parse("main", "{\"scanner\":\"s\",\"role\":\"in\",\"ts\":1772438400000,\"mac\":\"A6:11:22:33:44:55\",\"randomized\":false}");
        parse("main", "{\"scanner\":\"s\",\"role\":\"in\",\"ts\":1772438400000,\"macHash\":\"" + PERSON + "\",\"randomized\":true}");
        assertThat(records).extracting(Sighting::randomized).containsExactly(true, true, false, true);
        assertThat(records.get(0).personId()).isNull();
        assertThat(records.get(1).personId()).isNull();
        assertThat(records.get(2).personId()).matches("[0-9a-f]{64}");
        assertThat(records.get(3).personId()).isNull();
    }

    @Test
    void badSightingsAreRefusedWithAReasonThatNeverQuotesAMac() {
        String ts = "\"ts\":1772438401000";
        Map<String, String> corpus = new java.util.LinkedHashMap<>();
        corpus.put("{\"role\":\"in\"," + ts + ",\"mac\":\"A4:5E:60:12:34:56\"}", "scanner is missing");
        corpus.put("{\"scanner\":\"s\"," + ts + ",\"mac\":\"A4:5E:60:12:34:56\"}", "role is missing");
        corpus.put("{\"scanner\":\"s\",\"role\":\"A4:5E:60:12:34:56\"," + ts + ",\"mac\":\"A4:5E:60:12:34:56\"}",
                "role must be in, out, outer or inner, got '**:**:**:**:**:**'");
        corpus.put("{\"scanner\":\"s\",\"role\":\"in\",\"mac\":\"A4:5E:60:12:34:56\"}", "ts is missing");
        corpus.put("{\"scanner\":\"s\",\"role\":\"in\",\"ts\":\"2026-03-02T09:10:00Z\",\"mac\":\"A4:5E:60:12:34:56\"}",
                "ts 2026-03-02T09:10:00Z is more than 5 minutes in the future");
        corpus.put("{\"scanner\":\"s\",\"role\":\"in\",\"ts\":1000,\"mac\":\"A4:5E:60:12:34:56\"}",
                "ts 1970-01-01T00:00:01Z is before 2000-01-01T00:00:00Z: not a real reading time (clock not set?)");
        corpus.put("{\"scanner\":\"s x\",\"role\":\"in\"," + ts + ",\"mac\":\"A4:5E:60:12:34:56\"}",
                "scanner 's x' is not an id: 1 to 64 characters from A-Z a-z 0-9 . _ -");
        corpus.put("{\"scanner\":\"s\",\"role\":\"in\"," + ts + "}", "mac or macHash is missing");
        corpus.put("{\"scanner\":\"s\",\"role\":\"in\"," + ts + ",\"mac\":\"A4:5E:60:12:34:56\",\"macHash\":\"" + PERSON + "\"}",
                "mac and macHash are both given: send one of them");
        corpus.put("{\"scanner\":\"s\",\"role\":\"in\"," + ts + ",\"mac\":\"A4:5E:60:12:34\"}",
                "mac is not a MAC address (six hex octets separated by : or -)");
        corpus.put("{\"scanner\":\"s\",\"role\":\"in\"," + ts + ",\"macHash\":\"" + PERSON.toUpperCase() + "\"}",
                "macHash must be 64 lowercase hex digits (HMAC-SHA256)");
        corpus.put("{\"scanner\":\"s\",\"role\":\"in\"," + ts + ",\"mac\":\"A4:5E:60:12:34:56\",\"randomized\":\"yes\"}",
                "randomized must be true or false");
        corpus.forEach((json, reason) -> parse("main", json));
        assertThat(records).isEmpty();
        assertThat(rejects.reasons).containsExactlyElementsOf(corpus.values());
    }

    @Test
    void storedPayloadsHaveEveryMacMasked() {
        String payload = "{\"mac\":\"a4:5e:60:12:34:56\",\"other\":\"A4-5E-60-12-34-57\",\"bare\":\"A45E60123458\","
                + "\"dotted\":\"a4.5e.60.12.34.59\",\"cisco\":\"a45e.6012.345a\",\"escaped\":\"5c\\u003a31\\u003a60\\u003A12\\u003a34\\u003a5b\","
                + "\"macHash\":\"" + PERSON + "\"}";
        String stored = new String(parser.redact(payload.getBytes(StandardCharsets.UTF_8)), StandardCharsets.UTF_8);
        String mask = "**:**:**:**:**:**";
        assertThat(stored).isEqualTo("{\"mac\":\"" + mask + "\",\"other\":\"" + mask + "\",\"bare\":\"" + mask + "\","
                + "\"dotted\":\"" + mask + "\",\"cisco\":\"" + mask + "\",\"escaped\":\"" + mask + "\","
                + "\"macHash\":\"" + PERSON + "\"}");
        assertThat(MacAddress.containsMac(stored)).isFalse();
    }

    @Test
    void anArrayRefusesItsBadPartsAlone() {
        parse("main", "[{\"scanner\":\"s\",\"role\":\"in\",\"ts\":1772438400000,\"mac\":\"A4:5E:60:12:34:56\"},"
                + "{\"scanner\":\"s\",\"role\":\"sideways\",\"ts\":1772438400000,\"mac\":\"A4:5E:60:12:34:56\"}]");
        assertThat(records).hasSize(1);
        assertThat(rejects.reasons).containsExactly("role must be in, out, outer or inner, got 'sideways'");
        // the part is masked when ParseStep stores it
        assertThat(new String(parser.redact(rejects.parts.get(0).getBytes(StandardCharsets.UTF_8)), StandardCharsets.UTF_8))
                .contains("**:**:**:**:**:**").doesNotContain("A4:5E");
    }
}

package io.pulse.launcher.demo.gates;

import io.pulse.connectors.mqtt.MqttMessage;
import io.pulse.jobs.ingest.MessageParser;
import io.pulse.jobs.movement.ingest.MacAddress;
import io.pulse.jobs.movement.ingest.Pseudonyms;
import io.pulse.jobs.movement.ingest.Sighting;
import io.pulse.jobs.movement.ingest.SightingParser;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class DemoCampusTest {

    @Test
    void theRosterHasOnlyUniversallyAdministeredMacs() throws Exception {
        List<String> macs = DemoCampus.rosterMacs();
        assertThat(macs).hasSize(40).doesNotHaveDuplicates()
                .allSatisfy(mac -> assertThat(MacAddress.locallyAdministered(MacAddress.normalize(mac))).isFalse());
    }

    @Test
    void occupancyRisesThenFallsAndEverySightingIsValid() throws Exception {
        DemoCampus campus = DemoCampus.ofDemoRoster(Duration.ofMinutes(10), 7);
        SightingParser parser = new SightingParser(new Pseudonyms("demo"));
        List<String> reasons = new ArrayList<>();
        List<Sighting> parsed = new ArrayList<>();
        MessageParser.Rejects rejects = new MessageParser.Rejects() {
            @Override
            public void reject(String reason) {
                reasons.add(reason);
            }

            @Override
            public void reject(String reason, String part) {
                reasons.add(reason);
            }
        };
        long t0 = Instant.parse("2026-03-02T08:00:00Z").toEpochMilli();
        int peak = 0;
        for (int second = 0; second < 600; second++) {
            long now = t0 + second * 1000L;
            campus.tick(now, s -> parser.parse(new MqttMessage("campus/gates/" + s.gate() + "/sightings",
                    s.json().getBytes(StandardCharsets.UTF_8), 1, false, null, Map.of()), Instant.ofEpochMilli(now), parsed::add, rejects));
            peak = Math.max(peak, campus.inside());
            if (second == 299) {
                assertThat(campus.inside()).as("inside at mid-day").isGreaterThan(25);
            }
        }
        assertThat(reasons).isEmpty();
        assertThat(peak).isGreaterThan(25);
        assertThat(campus.inside()).as("inside at the end of the day").isLessThan(10);
        assertThat(parsed).anyMatch(Sighting::randomized).anyMatch(s -> s.gate().equals("east"))
                .anyMatch(s -> s.gate().equals("main") && !s.randomized());
    }
}

package io.pulse.launcher.demo.summary;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.pulse.jobs.energy.integration.PowerIntegral;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Each meter's readings as the energy job wrote them to the time-series store ({@code meter} is
 * the InfluxDB measurement of the readings), read back from QuestDB with SQL: the latest power,
 * and the current 5-minute window so far, integrated by the contract's rule ({@link PowerIntegral}).
 */
final class LatestPower {
    static final long WINDOW_MS = 300_000;
    static final long MAX_GAP_MS = 60_000;

    private final String questDbUrl;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final ObjectMapper json = new ObjectMapper();

    LatestPower(String questDbUrl) {
        this.questDbUrl = questDbUrl;
    }

    /** A stored reading. */
    record Reading(Instant at, double powerW) {
    }

    /** Readings by meter id since {@code from} (and the one before, for the interval across it), oldest first. */
    Map<String, List<Reading>> since(Instant from) throws Exception {
        Map<String, List<Reading>> readings = new TreeMap<>();
        String query = "SELECT meter, power_w, timestamp FROM meter WHERE timestamp >= '"
                + from.minusMillis(MAX_GAP_MS) + "' ORDER BY timestamp";
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(questDbUrl + "/exec?query="
                        + URLEncoder.encode(query, StandardCharsets.UTF_8))).timeout(Duration.ofSeconds(5)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            return readings; // "table does not exist" before the first reading
        }
        for (JsonNode row : json.readTree(response.body()).path("dataset")) {
            readings.computeIfAbsent(row.get(0).asText(), m -> new ArrayList<>())
                    .add(new Reading(Instant.parse(row.get(2).asText()), row.get(1).asDouble()));
        }
        return readings;
    }

    /** The window [start, start + 5 min) so far, from a meter's readings (oldest first); null without any. */
    static MeterLine.Window window(Instant start, List<Reading> readings) {
        long from = start.toEpochMilli();
        long to = from + WINDOW_MS;
        double wattMillis = 0;
        long covered = 0;
        int samples = 0;
        for (int i = 0; i < readings.size(); i++) {
            Reading r = readings.get(i);
            long t1 = r.at().toEpochMilli();
            if (t1 >= from && t1 < to) {
                samples++;
            }
            if (i > 0) {
                Reading p = readings.get(i - 1);
                long t0 = p.at().toEpochMilli();
                if (t1 > t0 && t1 - t0 <= MAX_GAP_MS) {
                    wattMillis += PowerIntegral.wattMillis(t0, p.powerW(), t1, r.powerW(), from, to);
                    covered += PowerIntegral.overlapMillis(t0, t1, from, to);
                }
            }
        }
        if (samples == 0 && covered == 0) {
            return null;
        }
        double wh = wattMillis / PowerIntegral.WMS_PER_WH;
        return new MeterLine.Window(start, Instant.ofEpochMilli(to), wh, covered == 0 ? null : wh * 3_600_000 / covered,
                covered / (double) WINDOW_MS, samples);
    }
}

package io.pulse.launcher.demo.summary;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;

/**
 * Each meter's latest power as the energy job wrote it to the time-series store, read back from
 * QuestDB with SQL ({@code meter} is the InfluxDB measurement of the readings).
 */
final class LatestPower {
    private static final String QUERY = "SELECT meter, power_w FROM meter LATEST ON timestamp PARTITION BY meter";

    private final URI uri;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final ObjectMapper json = new ObjectMapper();

    LatestPower(String questDbUrl) {
        this.uri = URI.create(questDbUrl + "/exec?query=" + URLEncoder.encode(QUERY, StandardCharsets.UTF_8));
    }

    /** Watts by meter id; empty until the table exists (the first point creates it). */
    Map<String, Double> read() throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(5)).build(),
                HttpResponse.BodyHandlers.ofString());
        Map<String, Double> watts = new TreeMap<>();
        if (response.statusCode() != 200) {
            return watts; // "table does not exist" before the first reading
        }
        for (JsonNode row : json.readTree(response.body()).path("dataset")) {
            watts.put(row.get(0).asText(), row.get(1).asDouble());
        }
        return watts;
    }
}

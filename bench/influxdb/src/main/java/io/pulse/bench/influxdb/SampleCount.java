package io.pulse.bench.influxdb;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.math.BigDecimal;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

/** Counts what a round left on the server, so that a fast round is also a complete one. */
final class SampleCount {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();

    private SampleCount() {}

    /** Samples of {@code bench_energy} (one per point) with timestamps in [tsBase, tsBase + points). */
    static long points(String url, long tsBase, long points) throws Exception {
        long end = tsBase + points; // count_over_time looks at (end - window, end]
        String query = "sum(count_over_time(" + BenchPoints.MEASUREMENT + "_energy[" + points + "ms]))";
        URI uri = URI.create(url + "/api/v1/query?query=" + URLEncoder.encode(query, StandardCharsets.UTF_8)
                + "&time=" + BigDecimal.valueOf(end - 1, 3).toPlainString()); // seconds, ms precision
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(uri).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        JsonNode result = JSON.readTree(response.body()).path("data").path("result");
        if (response.statusCode() != 200 || result.isEmpty()) {
            return response.statusCode() == 200 ? 0 : -1;
        }
        return Long.parseLong(result.get(0).path("value").get(1).asText());
    }
}

package io.pulse.bench.influxdb;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/**
 * (b) The ceiling: one thread renders each batch into a StringBuilder and POSTs it to
 * {@code /api/v2/write} with java.net.http over one kept-alive connection, waiting for each 204.
 * No Flink, no objects per point, no retries: what the server and the loopback allow.
 */
final class RawPostRound {

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final URI writeUri;

    RawPostRound(String url) {
        this.writeUri = URI.create(url + "/api/v2/write?org=pulse&bucket=bench&precision=ms");
    }

    double pointsPerSecond(long points, int batchSize, long tsBase) throws Exception {
        StringBuilder body = new StringBuilder(batchSize * 64);
        long started = System.nanoTime();
        for (long from = 0; from < points; from += batchSize) {
            body.setLength(0);
            long to = Math.min(points, from + batchSize);
            for (long i = from; i < to; i++) {
                if (i > from) {
                    body.append('\n');
                }
                BenchPoints.appendRawLine(body, i, tsBase);
            }
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(writeUri)
                    .header("Authorization", "Token bench-token")
                    .header("Content-Type", "text/plain; charset=utf-8")
                    .POST(HttpRequest.BodyPublishers.ofString(body.toString()))
                    .build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 204) {
                throw new IllegalStateException("POST /api/v2/write -> HTTP " + response.statusCode() + ": " + response.body());
            }
        }
        return points * 1e9 / (System.nanoTime() - started);
    }
}

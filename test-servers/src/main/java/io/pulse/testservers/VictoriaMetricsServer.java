package io.pulse.testservers;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;

import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import org.opentest4j.AssertionFailedError;

/**
 * A real VictoriaMetrics (Debian package {@code victoria-metrics}) standing in for InfluxDB 2,
 * which cannot be installed here: it accepts the InfluxDB v2 write API at
 * {@code <url>/api/v2/write} (org, bucket and token are accepted and ignored; {@code precision}
 * is honoured, default ns; timestamps are kept to the millisecond).
 *
 * <p>How Influx line protocol lands here (checked with 1.79.5, the Debian 12 version):
 * {@code readings,device=d1 temperature=21.5,humidity=40i 1700000000000} becomes two series,
 * {@code readings_temperature{device="d1"}} and {@code readings_humidity{device="d1"}}: the
 * name is {@code measurement_field}, tags become labels. A field named {@code value} is no
 * exception ({@code m_value}). Booleans become 1/0; string fields become a useless series of 0.
 *
 * <p>Duplicates: VictoriaMetrics itself keeps every sample, also two with the same series and
 * timestamp. InfluxDB instead keeps one point per series+timestamp (the last write wins). To
 * behave like InfluxDB this server runs with {@code -dedup.minScrapeInterval=1ms}, which leaves
 * one sample per series and millisecond. Which one is NOT the last written: rewriting 1,000
 * samples with new values kept the new value for only about half of them, so a test can assert
 * "one sample per key" here, never "the last write wins". Dedup is applied at read time too, so
 * export never shows the duplicate. {@link #withoutDeduplication()} keeps them all,
 * to test that a sink does not write twice.
 *
 * <p>Read-after-write: {@link #export} first calls {@code /internal/force_flush}. Samples with
 * old timestamps (2 h and more) are then readable at once, but samples timestamped around "now"
 * may take up to ~1 s more, even after the flush: use {@link #awaitExport} for those.
 * {@code -search.latencyOffset=0s} lets /api/v1/query see points near "now" (default: 30 s late),
 * {@code -search.disableCache} stops query results from being cached across writes, and
 * {@code -retentionPeriod=100y} keeps test data with old timestamps from being dropped.
 *
 * <p>Crashes: {@link #restart()} (SIGTERM) keeps everything, but after {@link #kill()} writes
 * younger than ~5 s are gone, force_flush or not (measured with 1.79.5).
 */
public final class VictoriaMetricsServer extends ChildProcessServer {

    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS) // NaN / Inf samples
            .build();

    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    private boolean deduplicate = true;

    private VictoriaMetricsServer() {
        super("victoria-metrics");
    }

    public static VictoriaMetricsServer create() {
        return new VictoriaMetricsServer();
    }

    /** Keep every sample written, even two with the same series and timestamp; before start(). */
    public VictoriaMetricsServer withoutDeduplication() {
        if (directory() != null) {
            throw new IllegalStateException("withoutDeduplication() must be called before start()");
        }
        deduplicate = false;
        return this;
    }

    /** {@code http://127.0.0.1:PORT}: the value for Pulse's {@code --influx.url}. */
    public String url() {
        return "http://" + host() + ":" + port();
    }

    /** Makes everything written so far searchable (see the class comment for the limits). */
    public void flush() {
        get("/internal/force_flush");
    }

    /**
     * Every series matching a selector with all its samples, sorted by name and labels.
     *
     * @param seriesSelector e.g. {@code readings_temperature}, {@code {__name__=~"readings_.*"}},
     *                       {@code readings_temperature{device="d1"}}
     */
    public List<ExportedSeries> export(String seriesSelector) {
        flush();
        String body = get("/api/v1/export?match[]=" + URLEncoder.encode(seriesSelector, StandardCharsets.UTF_8));
        List<ExportedSeries> result = new ArrayList<>();
        for (String line : body.split("\n")) {
            if (!line.isBlank()) {
                result.add(parse(line));
            }
        }
        result.sort(Comparator.comparing(ExportedSeries::metric)
                .thenComparing(s -> new TreeMap<>(s.labels()).toString()));
        return result;
    }

    /**
     * Polls {@link #export} until {@code until} accepts the result, for data that was just written.
     *
     * @throws AssertionFailedError with the last result if that does not happen within {@code timeout}
     */
    public List<ExportedSeries> awaitExport(String seriesSelector, Predicate<List<ExportedSeries>> until,
                                            Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            List<ExportedSeries> result = export(seriesSelector);
            if (until.test(result)) {
                return result;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionFailedError("export of " + seriesSelector + " did not reach the expected state within "
                        + timeout.toMillis() + " ms; last result: " + result);
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            }
        }
    }

    @Override
    protected void prepare(Path dir, int port) {
        RequiredBinary.find("victoria-metrics", "victoria-metrics");
    }

    @Override
    protected List<String> command(Path dir, int port) {
        List<String> cmd = new ArrayList<>(List.of(
                RequiredBinary.find("victoria-metrics", "victoria-metrics").toString(),
                "-httpListenAddr=127.0.0.1:" + port,
                "-storageDataPath=" + dir.resolve("data"),
                "-retentionPeriod=100y",
                "-search.latencyOffset=0s",
                "-search.disableCache",
                "-loggerLevel=INFO"));
        if (deduplicate) {
            cmd.add("-dedup.minScrapeInterval=1ms");
        }
        return cmd;
    }

    private static ExportedSeries parse(String line) {
        try {
            JsonNode node = JSON.readTree(line);
            Map<String, String> labels = new LinkedHashMap<>();
            node.get("metric").fields().forEachRemaining(e -> labels.put(e.getKey(), e.getValue().asText()));
            String name = labels.remove("__name__");
            List<Double> values = new ArrayList<>();
            node.get("values").forEach(v -> values.add(v.asDouble()));
            List<Long> timestamps = new ArrayList<>();
            node.get("timestamps").forEach(t -> timestamps.add(t.asLong()));
            return new ExportedSeries(name, labels, values, timestamps);
        } catch (IOException | RuntimeException e) {
            throw new IllegalStateException("unexpected export line from VictoriaMetrics: " + line, e);
        }
    }

    private String get(String pathAndQuery) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url() + pathAndQuery))
                .timeout(Duration.ofSeconds(30))
                .GET()
                .build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() / 100 != 2) {
                throw new IllegalStateException("GET " + pathAndQuery + " -> HTTP " + response.statusCode()
                        + ": " + response.body());
            }
            return response.body();
        } catch (IOException e) {
            throw new IllegalStateException("GET " + pathAndQuery + " failed on " + this, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}

package io.pulse.bench.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/** How a side's stored records are counted, and when its probes became visible. */
final class Stores {

    private Stores() {}

    /** What a side stored for the scenario, read while it runs. */
    interface Store {
        long count() throws Exception;

        /**
         * The probe records visible now, those with {@code ts >= sinceMs} at least; null if this store has no
         * probes.
         */
        default List<Probe> probesSince(long sinceMs) throws Exception {
            return null;
        }

        /**
         * Makes the store know the probes' series before the clock starts, and returns how long that took
         * (ms), or -1 if this store needs nothing of the kind.
         */
        default long registerProbes(Collection<String> keys) throws Exception {
            return -1;
        }
    }

    /**
     * How long before a VictoriaMetrics store was made its probe series are registered: outside its counts
     * (which cover from 2 minutes before it was made) and its probe polls, on the same day (VictoriaMetrics
     * indexes a series per day).
     */
    static final long REGISTERED_BEFORE_MS = 600_000;

    /** A probe record: its series or key, and its {@code ts} (epoch ms). */
    record Probe(String key, long ts) {}

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    /**
     * Samples of {@code metric} with label {@code label} matching {@code <tag>-.*} in VictoriaMetrics
     * (the jobs' InfluxDB v2 writes: measurement {@code m}, field {@code f} become {@code m_f}); probes are
     * the series {@code <tag>-probe.*}.
     */
    static Store victoriaMetrics(String url, String metric, String label, String tag) {
        String all = metric + "{" + label + "=~\"" + tag + "-.*\"}";
        String probes = metric + "{" + label + "=~\"" + tag + "-probe.*\"}";
        long madeAt = System.currentTimeMillis();
        return new Store() {
            @Override
            public long count() throws Exception {
                long seconds = (System.currentTimeMillis() - madeAt) / 1000 + 120;
                JsonNode body = JSON.readTree(get(url + "/api/v1/query?query="
                        + enc("sum(count_over_time(" + all + "[" + seconds + "s]))")));
                JsonNode result = body.path("data").path("result");
                return result.isEmpty() ? 0 : Long.parseLong(result.get(0).path("value").get(1).asText());
            }

            @Override
            public List<Probe> probesSince(long sinceMs) throws Exception {
                String body = get(url + "/api/v1/export?match[]=" + enc(probes)
                        + "&start=" + String.format(Locale.ROOT, "%.3f", sinceMs / 1000.0));
                List<Probe> probes = new ArrayList<>();
                for (String line : body.split("\n")) {
                    if (!line.isBlank()) {
                        JsonNode series = JSON.readTree(line);
                        String key = series.path("metric").path(label).asText();
                        series.path("timestamps").forEach(t -> probes.add(new Probe(key, t.asLong())));
                    }
                }
                return probes;
            }

            /**
             * VictoriaMetrics (1.79) makes a series it has not seen that day searchable only once it indexed it,
             * seconds after its first sample (5 to 9 s here); every later sample shows within about a second.
             * Without this, the probes of a scenario's first seconds (new devices) would measure that indexing.
             */
            @Override
            public long registerProbes(Collection<String> keys) throws Exception {
                int split = metric.indexOf('_');
                String measurement = metric.substring(0, split);
                String field = metric.substring(split + 1);
                StringBuilder lines = new StringBuilder();
                for (String key : keys) {
                    lines.append(measurement).append(',').append(label).append('=').append(key).append(' ')
                            .append(field).append("=0 ").append(madeAt - REGISTERED_BEFORE_MS).append('\n');
                }
                long start = System.nanoTime();
                post(url + "/api/v2/write?org=bench&bucket=pulse&precision=ms", "text/plain", lines.toString());
                long deadline = start + TimeUnit.SECONDS.toNanos(120);
                String export = url + "/api/v1/export?match[]=" + enc(probes) + "&start=" + (madeAt - REGISTERED_BEFORE_MS) / 1000;
                while (true) {
                    Set<String> visible = new HashSet<>();
                    for (String line : get(export).split("\n")) {
                        if (!line.isBlank()) {
                            visible.add(JSON.readTree(line).path("metric").path(label).asText());
                        }
                    }
                    if (visible.containsAll(keys)) {
                        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
                    }
                    if (System.nanoTime() > deadline) {
                        throw new IOException("VictoriaMetrics did not show the probe series " + keys + " within 120 s");
                    }
                    Thread.sleep(100);
                }
            }
        };
    }

    /**
     * Rows counted by {@code countSql}; probes from {@code probeSql} (columns: ts in epoch ms, a key) with one
     * parameter, the epoch seconds since.
     */
    static Store sql(String jdbcUrl, String user, String password, String countSql, String probeSql) {
        return new Store() {
            private Connection connection;

            private Connection connection() throws SQLException {
                if (connection == null || !connection.isValid(2)) {
                    connection = DriverManager.getConnection(jdbcUrl, user, password);
                }
                return connection;
            }

            @Override
            public synchronized long count() throws SQLException {
                try (Statement s = connection().createStatement(); ResultSet rs = s.executeQuery(countSql)) {
                    rs.next();
                    return rs.getLong(1);
                }
            }

            @Override
            public synchronized List<Probe> probesSince(long sinceMs) throws SQLException {
                if (probeSql == null) {
                    return null;
                }
                List<Probe> probes = new ArrayList<>();
                try (PreparedStatement s = connection().prepareStatement(probeSql)) {
                    s.setDouble(1, sinceMs / 1000.0);
                    try (ResultSet rs = s.executeQuery()) {
                        while (rs.next()) {
                            probes.add(new Probe(rs.getString(2), rs.getLong(1)));
                        }
                    }
                }
                return probes;
            }
        };
    }

    /** One number from a query, for the checks after a scenario. */
    static long queryLong(String jdbcUrl, String user, String password, String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(jdbcUrl, user, password);
             Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    static void execute(String jdbcUrl, String user, String password, String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(jdbcUrl, user, password); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    static String get(String url) throws IOException, InterruptedException {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                .GET().build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() / 100 != 2) {
            throw new IOException("GET " + url + " -> HTTP " + response.statusCode() + ": " + response.body());
        }
        return response.body();
    }

    static String post(String url, String contentType, String body, String... headers) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                .header("Content-Type", contentType).POST(HttpRequest.BodyPublishers.ofString(body));
        for (int i = 0; i + 1 < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() / 100 != 2) {
            throw new IOException("POST " + url + " -> HTTP " + response.statusCode() + ": " + response.body());
        }
        return response.body();
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}

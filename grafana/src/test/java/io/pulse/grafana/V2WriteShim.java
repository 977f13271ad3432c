package io.pulse.grafana;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.zip.GZIPInputStream;

/**
 * The InfluxDB v2 write API in front of an InfluxDB 1.x, so the jobs' own sink writes there:
 * {@code POST /api/v2/write?org=..&bucket=B&precision=P} becomes {@code POST /write?db=B&precision=p}
 * with the same line protocol (org and token are ignored). Anything else is 404.
 *
 * <p>{@link #teeing} also hands every write, as it came (query, token, encoding, body), to a
 * server of the real v2 API first: its answer is the one the writer gets when it refuses, so the
 * writer still talks to a v2 implementation, and the 1.x copy is only written once it accepted.
 */
public final class V2WriteShim implements AutoCloseable {

    private static final Map<String, String> PRECISIONS = Map.of("ns", "n", "us", "u", "ms", "ms", "s", "s");
    /** What a teeing shim passes on to the v2 server with a write. */
    private static final List<String> FORWARDED_HEADERS = List.of("Authorization", "Content-Type", "Content-Encoding", "Accept");

    private final HttpServer server;
    private final String target;
    /** A server of the v2 write API that gets every write first, or null. */
    private final String v2;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private V2WriteShim(String target, String v2) throws IOException {
        this.target = target;
        this.v2 = v2;
        this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::handle);
        server.setExecutor(Executors.newFixedThreadPool(4));
        server.start();
    }

    /** Starts a shim on a free loopback port that writes to the 1.x server at {@code target}. */
    public static V2WriteShim start(String target) throws IOException {
        return new V2WriteShim(target, null);
    }

    /**
     * Starts a shim that passes every write to the v2 API at {@code v2} (e.g. VictoriaMetrics) and,
     * once that accepted it, writes it to the 1.x server at {@code target} as well.
     */
    public static V2WriteShim teeing(String target, String v2) throws IOException {
        return new V2WriteShim(target, v2);
    }

    /** The value for the jobs' {@code --influx.url}. */
    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            URI uri = exchange.getRequestURI();
            if (!"POST".equals(exchange.getRequestMethod()) || !"/api/v2/write".equals(uri.getPath())) {
                respond(exchange, 404, "only POST /api/v2/write is served here");
                return;
            }
            Map<String, String> params = query(uri.getRawQuery());
            String bucket = params.get("bucket");
            String precision = PRECISIONS.get(params.getOrDefault("precision", "ns"));
            if (bucket == null || precision == null) {
                respond(exchange, 400, "bucket and a precision of ns, us, ms or s are required");
                return;
            }
            byte[] raw = exchange.getRequestBody().readAllBytes();
            if (v2 != null) {
                HttpRequest.Builder copy = HttpRequest.newBuilder(URI.create(v2 + uri.getRawPath() + "?" + uri.getRawQuery()))
                        .timeout(Duration.ofSeconds(30)).POST(HttpRequest.BodyPublishers.ofByteArray(raw));
                for (String header : FORWARDED_HEADERS) {
                    String value = exchange.getRequestHeaders().getFirst(header);
                    if (value != null) {
                        copy.header(header, value);
                    }
                }
                HttpResponse<String> first = http.send(copy.build(), HttpResponse.BodyHandlers.ofString());
                if (first.statusCode() / 100 != 2) {
                    respond(exchange, first.statusCode(), first.body());
                    return;
                }
            }
            byte[] body = decode(exchange, raw);
            HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(target + "/write?db="
                            + bucket + "&precision=" + precision))
                    .timeout(Duration.ofSeconds(30))
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString());
            respond(exchange, answer.statusCode(), answer.body());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            respond(exchange, 503, "interrupted");
        }
    }

    private static byte[] decode(HttpExchange exchange, byte[] raw) throws IOException {
        if (!"gzip".equalsIgnoreCase(exchange.getRequestHeaders().getFirst("Content-Encoding"))) {
            return raw;
        }
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(raw))) {
            return in.readAllBytes();
        }
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> params = new HashMap<>();
        if (raw != null) {
            for (String pair : raw.split("&")) {
                int eq = pair.indexOf('=');
                if (eq > 0) {
                    params.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                            URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
                }
            }
        }
        return params;
    }

    private static void respond(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        if (status == 204 || bytes.length == 0) {
            exchange.sendResponseHeaders(status, -1);
            return;
        }
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
    }
}

package io.pulse.grafana;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

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
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.zip.GZIPInputStream;

/**
 * The InfluxDB v2 write API in front of an InfluxDB 1.x, so the jobs' own sink writes there:
 * {@code POST /api/v2/write?org=..&bucket=B&precision=P} becomes {@code POST /write?db=B&precision=p}
 * with the same line protocol (org and token are ignored). Anything else is 404.
 */
public final class V2WriteShim implements AutoCloseable {

    private static final Map<String, String> PRECISIONS = Map.of("ns", "n", "us", "u", "ms", "ms", "s", "s");

    private final HttpServer server;
    private final String target;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private V2WriteShim(String target) throws IOException {
        this.target = target;
        this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::handle);
        server.setExecutor(Executors.newFixedThreadPool(4));
        server.start();
    }

    /** Starts a shim on a free loopback port that writes to the 1.x server at {@code target}. */
    public static V2WriteShim start(String target) throws IOException {
        return new V2WriteShim(target);
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
            byte[] body = read(exchange);
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

    private static byte[] read(HttpExchange exchange) throws IOException {
        boolean gzip = "gzip".equalsIgnoreCase(exchange.getRequestHeaders().getFirst("Content-Encoding"));
        try (InputStream in = gzip ? new GZIPInputStream(exchange.getRequestBody()) : exchange.getRequestBody()) {
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

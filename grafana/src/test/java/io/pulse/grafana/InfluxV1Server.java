package io.pulse.grafana;

import io.pulse.testservers.ChildProcessServer;
import io.pulse.testservers.FreePorts;
import io.pulse.testservers.RequiredBinary;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * A real InfluxDB 1.x (Debian package {@code influxdb}, 1.6.7 on Debian 12), the InfluxQL engine
 * that Grafana's InfluxQL panels query, with one database ({@value #DATABASE} unless named) and
 * its default retention policy {@code autogen} (what InfluxDB 2's DBRP mapping gives a bucket).
 *
 * <p>It speaks only the 1.x write API ({@code /write?db=}); {@link V2WriteShim} puts the v2 write
 * API the jobs use in front of it. Every port it opens (HTTP and the backup service, which
 * defaults to 8088) is a free loopback port; reporting and the internal monitor are off.
 */
public final class InfluxV1Server extends ChildProcessServer {

    public static final String DATABASE = "pulse";

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String database;

    private InfluxV1Server(String database) {
        super("influxd");
        if (!database.matches("[A-Za-z0-9_-]+")) {
            throw new IllegalArgumentException("not a database name this server is made with: " + database);
        }
        this.database = database;
    }

    public static InfluxV1Server create() {
        return new InfluxV1Server(DATABASE);
    }

    /** A server whose database is named as a bucket is (InfluxDB 2's DBRP mapping: database = bucket). */
    public static InfluxV1Server create(String database) {
        return new InfluxV1Server(database);
    }

    public String database() {
        return database;
    }

    /** {@code http://127.0.0.1:PORT}, the 1.x API. */
    public String url() {
        return "http://" + host() + ":" + port();
    }

    /** Runs InfluxQL on the database; times come back as epoch milliseconds. */
    public InfluxResult query(String influxQl) {
        String uri = url() + "/query?db=" + database + "&epoch=ms&q=" + URLEncoder.encode(influxQl, StandardCharsets.UTF_8);
        return InfluxResult.parse(influxQl, send(HttpRequest.newBuilder(URI.create(uri)).GET()));
    }

    /** Writes line protocol to the database with the 1.x API ({@code precision}: n, u, ms, s). */
    public void write(String lines, String precision) {
        send(HttpRequest.newBuilder(URI.create(url() + "/write?db=" + database + "&precision=" + precision))
                .POST(HttpRequest.BodyPublishers.ofString(lines)));
    }

    @Override
    protected void prepare(Path dir, int port) throws IOException {
        RequiredBinary.find("influxd", "influxdb");
        Files.writeString(dir.resolve("influxdb.conf"), """
                reporting-disabled = true
                bind-address = "127.0.0.1:%d"
                [meta]
                  dir = "%s/meta"
                [data]
                  dir = "%s/data"
                  wal-dir = "%s/wal"
                  query-log-enabled = false
                [retention]
                  enabled = false
                [monitor]
                  store-enabled = false
                [http]
                  enabled = true
                  bind-address = "127.0.0.1:%d"
                  auth-enabled = false
                  log-enabled = false
                [continuous_queries]
                  enabled = false
                """.formatted(FreePorts.find(), dir, dir, dir, port));
    }

    @Override
    protected List<String> command(Path dir, int port) {
        return List.of(RequiredBinary.find("influxd", "influxdb").toString(), "run", "-config",
                dir.resolve("influxdb.conf").toString());
    }

    @Override
    protected void afterStart(Path dir, int port, boolean firstStart) throws Exception {
        // The port opens before the meta store is ready: retry the first statement briefly.
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (true) {
            try {
                send(HttpRequest.newBuilder(URI.create(url() + "/query"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString("q=" + URLEncoder.encode("CREATE DATABASE \"" + database + "\"",
                                StandardCharsets.UTF_8))));
                return;
            } catch (IllegalStateException notReady) {
                if (System.nanoTime() > deadline || !isRunning()) {
                    throw failure("CREATE DATABASE failed: " + notReady.getMessage());
                }
                Thread.sleep(100);
            }
        }
    }

    private String send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = http.send(request.timeout(Duration.ofSeconds(30)).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() / 100 != 2) {
                throw new IllegalStateException("HTTP " + response.statusCode() + ": " + response.body());
            }
            return response.body();
        } catch (IOException e) {
            throw new IllegalStateException("request to " + this + " failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}

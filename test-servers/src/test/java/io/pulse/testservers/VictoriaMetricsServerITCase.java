package io.pulse.testservers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class VictoriaMetricsServerITCase {

    @RegisterExtension
    static final VictoriaMetricsServer VM = VictoriaMetricsServer.create();

    @RegisterExtension
    static final VictoriaMetricsServer RAW = VictoriaMetricsServer.create().withoutDeduplication();

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Test
    void influxV2LineIsReadBackAsMeasurementUnderscoreField() throws Exception {
        assertThat(VM.url()).isEqualTo("http://127.0.0.1:" + VM.port());
        // An old timestamp on purpose (2023): it must not fall outside retention.
        write(VM, "readings,device=d1,site=north temperature=21.5,humidity=40i,online=true 1700000000123", "ms");

        List<ExportedSeries> series = VM.export("{__name__=~\"readings_.*\"}");

        assertThat(series).extracting(ExportedSeries::metric)
                .containsExactly("readings_humidity", "readings_online", "readings_temperature");
        ExportedSeries temperature = series.get(2);
        assertThat(temperature.labels()).isEqualTo(Map.of("device", "d1", "site", "north"));
        assertThat(temperature.values()).containsExactly(21.5);
        assertThat(temperature.timestamps()).containsExactly(1700000000123L);
        assertThat(series.get(0).valueAt(1700000000123L)).isEqualTo(40.0);
        assertThat(series.get(1).valueAt(1700000000123L)).isEqualTo(1.0);
    }

    @Test
    void defaultPrecisionIsNanosecondsKeptToTheMillisecond() throws Exception {
        write(VM, "precise,tag=a f=2 1700000000123456789", null);
        assertThat(VM.export("precise_f").get(0).timestamps()).containsExactly(1700000000123L);
    }

    @Test
    void sameSeriesAndTimestampDeduplicateLikeInfluxDb() throws Exception {
        write(VM, "dup,tag=a f=1 1700000005000", "ms");
        VM.flush();
        write(VM, "dup,tag=a f=2 1700000005000", "ms");

        List<ExportedSeries> deduplicated = VM.export("dup_f");
        assertThat(deduplicated).hasSize(1);
        assertThat(deduplicated.get(0).timestamps()).containsExactly(1700000005000L);
        assertThat(deduplicated.get(0).values()).containsExactly(2.0); // the last write won here

        write(RAW, "dup,tag=a f=1 1700000005000", "ms");
        write(RAW, "dup,tag=a f=2 1700000005000", "ms");
        assertThat(RAW.export("dup_f").get(0).values()).containsExactlyInAnyOrder(1.0, 2.0);
    }

    @Test
    void freshPointsAreReadableWithAwaitExport() throws Exception {
        long now = System.currentTimeMillis();
        write(VM, "fresh,tag=a f=7 " + now, "ms");
        List<ExportedSeries> series = VM.awaitExport("fresh_f", r -> !r.isEmpty(), Duration.ofSeconds(10));
        assertThat(series.get(0).valueAt(now)).isEqualTo(7.0);
    }

    @Test
    void restartKeepsPointsAndPort() throws Exception {
        int port = VM.port();
        write(VM, "kept,tag=a f=3 1700000010000", "ms");
        VM.restart();
        assertThat(VM.port()).isEqualTo(port);
        assertThat(VM.export("kept_f")).singleElement()
                .satisfies(s -> assertThat(s.valueAt(1700000010000L)).isEqualTo(3.0));
    }

    @Test
    void killRefusesConnectionsAndPointsOlderThanAFewSecondsSurvive() throws Exception {
        int port = VM.port();
        write(VM, "crash,tag=a f=4 1700000020000", "ms");
        VM.flush();
        // VictoriaMetrics 1.79 makes data crash-proof only ~5 s after it was written (force_flush
        // or not): a SIGKILL loses younger writes. Measured by hand; wait past it.
        Thread.sleep(7_000);
        VM.kill();
        assertThatThrownBy(() -> connectTcp(port)).isInstanceOf(IOException.class);
        assertThatThrownBy(() -> VM.export("crash_f")).isInstanceOf(IllegalStateException.class);

        VM.start();
        assertThat(VM.port()).isEqualTo(port);
        assertThat(VM.export("crash_f")).singleElement()
                .satisfies(s -> assertThat(s.valueAt(1700000020000L)).isEqualTo(4.0));
    }

    /** POSTs line protocol the way an InfluxDB 2 client does (org, bucket, token). */
    private static void write(VictoriaMetricsServer server, String lines, String precision) throws Exception {
        String query = "?org=pulse&bucket=telemetry" + (precision == null ? "" : "&precision=" + precision);
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(server.url() + "/api/v2/write" + query))
                .header("Authorization", "Token test-token")
                .header("Content-Type", "text/plain; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofString(lines))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(204);
    }

    private static void connectTcp(int port) throws IOException {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 1000);
        }
    }
}

package io.pulse.connectors.influxdb.write;

import io.pulse.connectors.influxdb.InfluxPrecision;
import io.pulse.testservers.ExportedSeries;
import io.pulse.testservers.FreePorts;
import io.pulse.testservers.VictoriaMetricsServer;

import com.influxdb.exceptions.InfluxException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** How a real v2 write API server answers the client, and how each answer is classified. */
class InfluxWriteClientITCase {

    @RegisterExtension
    static final VictoriaMetricsServer TSDB = VictoriaMetricsServer.create();

    private static InfluxWriteClient client(String url, InfluxPrecision precision) {
        return new InfluxWriteClient(url, "test-token", "pulse", "telemetry", precision, Duration.ofSeconds(5));
    }

    @Test
    void writesLinesInTheGivenPrecision() {
        try (InfluxWriteClient client = client(TSDB.url(), InfluxPrecision.SECONDS)) {
            client.write("clientprec,device=d1 f=1.5 1700000000\nclientprec,device=d1 f=2.5 1700000001");
        }
        List<ExportedSeries> series = TSDB.export("clientprec_f");
        assertThat(series).singleElement().satisfies(s -> {
            assertThat(s.labels()).isEqualTo(Map.of("device", "d1"));
            assertThat(s.timestamps()).containsExactly(1_700_000_000_000L, 1_700_000_001_000L);
            assertThat(s.values()).containsExactly(1.5, 2.5);
        });
    }

    @Test
    void aLineTooLongForTheServerIsRefusedWithItsPlainTextMessage() {
        // VictoriaMetrics skips lines it cannot parse and still answers 204; a line over its
        // 256 KiB limit is one thing it refuses with 400 (in plain text, not InfluxDB's JSON).
        String tooLong = "toolong,device=d1 note=\"" + "x".repeat(300_000) + "\" 1700000000000";
        try (InfluxWriteClient client = client(TSDB.url(), InfluxPrecision.MILLISECONDS)) {
            InfluxException e = catchThrowableOfType(InfluxException.class, () -> client.write(tooLong));
            WriteFailure failure = WriteFailure.of(e);
            assertThat(failure.status()).isEqualTo(400);
            assertThat(failure.retryable()).isFalse();
            assertThat(failure.summary()).startsWith("HTTP 400: ").contains("too long line");
        }
    }

    @Test
    void aWrongPathIsRefusedWithTheServersMessage() {
        try (InfluxWriteClient client = client(TSDB.url() + "/not-influx", InfluxPrecision.MILLISECONDS)) {
            InfluxException e = catchThrowableOfType(InfluxException.class,
                    () -> client.write("m f=1 1700000000000"));
            assertThat(WriteFailure.of(e).summary()).contains("HTTP 400").contains("unsupported path");
        }
    }

    @Test
    void noServerIsAnIoErrorThatIsRetried() {
        try (InfluxWriteClient client = client("http://127.0.0.1:" + FreePorts.find(), InfluxPrecision.MILLISECONDS)) {
            assertThatThrownBy(() -> client.write("m f=1 1700000000000"))
                    .isInstanceOfSatisfying(InfluxException.class, e -> {
                        WriteFailure failure = WriteFailure.of(e);
                        assertThat(failure.status()).isZero();
                        assertThat(failure.retryable()).isTrue();
                        assertThat(failure.summary()).contains("ConnectException");
                    });
        }
    }
}

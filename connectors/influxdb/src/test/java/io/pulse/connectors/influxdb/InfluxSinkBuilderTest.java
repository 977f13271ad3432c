package io.pulse.connectors.influxdb;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class InfluxSinkBuilderTest {

    private static InfluxSinkBuilder<InfluxPoint> valid() {
        return InfluxSink.<InfluxPoint>builder().url("http://localhost:8086").org("pulse").bucket("telemetry")
                .pointMapper(InfluxPointMapper.identity());
    }

    @Test
    void namesWhatIsMissingOrWrong() {
        assertThatThrownBy(() -> valid().url(null).build()).hasMessageContaining("needs a url (influx.url)");
        assertThatThrownBy(() -> valid().url("localhost:8086").build()).hasMessageContaining("http://host:port");
        assertThatThrownBy(() -> valid().url("tcp://localhost:8086").build()).hasMessageContaining("http://host:port");
        assertThatThrownBy(() -> valid().url("http://localhost:8086/api/v2/write").build())
                .hasMessageContaining("without /api/v2/write");
        assertThatThrownBy(() -> valid().org(" ").build()).hasMessageContaining("needs an org (influx.org)");
        assertThatThrownBy(() -> valid().bucket(null).build()).hasMessageContaining("needs a bucket (influx.bucket)");
        assertThatThrownBy(() -> valid().pointMapper(null).build()).hasMessageContaining("needs a pointMapper");
        assertThatThrownBy(() -> valid().batchSize(0).build()).hasMessageContaining("batchSize must be between 1 and");
        assertThatThrownBy(() -> valid().flushInterval(Duration.ZERO).build())
                .hasMessageContaining("flushInterval must be at least 1 ms");
        assertThatThrownBy(() -> valid().retries(0, Duration.ofMillis(1), Duration.ofMillis(1)).build())
                .hasMessageContaining("maxAttempts must be >= 1");
        assertThatThrownBy(() -> valid().requestTimeout(Duration.ZERO).build())
                .hasMessageContaining("requestTimeout must be at least 1 ms");
    }

    @Test
    void tokenIsOptionalAndNeverShown() {
        InfluxSink<InfluxPoint> sink = valid().url("https://influx.example:8086/").token("s3cr3t").build();
        assertThat(sink.toString())
                .contains("https://influx.example:8086 bucket 'telemetry' (org 'pulse')")
                .contains("precision ms, batches of 5000 or every 1000 ms, 10 attempts")
                .doesNotContain("s3cr3t");
        assertThat(valid().build()).isNotNull();
    }

    @Test
    void identityMapperPassesPointsThrough() {
        InfluxPoint p = InfluxPoint.builder("m").field("f", 1.0).time(1, InfluxPrecision.SECONDS).build();
        assertThat(InfluxPointMapper.identity().toPoints(p)).isEqualTo(List.of(p));
    }
}

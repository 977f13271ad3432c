package io.pulse.jobs.storage;

import io.pulse.connectors.influxdb.InfluxPoint;
import io.pulse.connectors.influxdb.InfluxPointMapper;
import io.pulse.jobs.PulseJobs;
import io.pulse.jobs.options.JobOptions;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

class TimeSeriesSetupTest {

    private static final InfluxPointMapper<InfluxPoint> POINTS = InfluxPointMapper.identity();

    @Test
    void withoutAnInfluxUrlThereIsNoSinkAndTheJobSaysSo() {
        JobOptions options = JobOptions.parse("--mqtt.broker", "tcp://broker:1883");
        assertThat(TimeSeriesSetup.sink(options, POINTS)).isEmpty();
        assertThat(TimeSeriesSetup.describe(options)).isEqualTo("time-series sink off (no --influx.url): results go to MySQL only");
    }

    @Test
    void withAnInfluxUrlTheSinkIsBuiltAndTheTokenIsNeverShown() {
        JobOptions options = JobOptions.parse("--mqtt.broker", "tcp://broker:1883", "--influx.url", "http://tsdb:8086",
                "--influx.token", "t0ken", "--influx.org", "campus", "--influx.bucket", "pulse");
        assertThat(TimeSeriesSetup.sink(options, POINTS)).isPresent();
        assertThat(TimeSeriesSetup.describe(options)).isEqualTo("time-series sink on: http://tsdb:8086, bucket pulse")
                .doesNotContain("t0ken");
    }

    @Test
    void anInfluxUrlWithoutBucketEndsTheStartWithOneLine() throws Exception {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = PulseJobs.run("pulse", new String[] {"telemetry", "--mqtt.broker", "tcp://b:1883",
                "--influx.url", "http://tsdb:8086", "--influx.org", "campus"},
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        assertThat(code).isEqualTo(PulseJobs.EXIT_USAGE);
        assertThat(err.toString(StandardCharsets.UTF_8).strip()).isEqualTo("pulse: --influx.url needs --influx.bucket"
                + " ('pulse telemetry --help' lists the options)");
    }
}

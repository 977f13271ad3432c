package io.pulse.connectors.influxdb;

import io.pulse.testservers.Await;
import io.pulse.connectors.influxdb.testing.ManualProcessingTime;
import io.pulse.testservers.ExportedSeries;
import io.pulse.testservers.FreePorts;
import io.pulse.testservers.VictoriaMetricsServer;

import org.apache.flink.metrics.groups.UnregisteredMetricsGroup;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The writer on its own against a real VictoriaMetrics, with a processing-time clock the test
 * moves: when batches go out, retries and their limits, metrics. Batches are written on the
 * sender's thread, so what happens between flushes is awaited.
 */
class InfluxSinkWriterITCase {

    @RegisterExtension
    static final VictoriaMetricsServer TSDB = VictoriaMetricsServer.create();

    private static final long BASE = 1_700_000_000_000L;

    private final ManualProcessingTime clock = new ManualProcessingTime();

    /** Record i becomes {@code <measurement>,device=d<i%3> value=i} at BASE + i s. */
    private static InfluxPointMapper<Long> mapper(String measurement) {
        return i -> List.of(InfluxPoint.builder(measurement).tag("device", "d" + (i % 3)).field("value", (double) i)
                .time(BASE + i * 1000, InfluxPrecision.MILLISECONDS).build());
    }

    private InfluxSinkWriter<Long> writer(InfluxSinkBuilder<Long> builder) {
        InfluxSink<Long> sink = builder.build();
        return new InfluxSinkWriter<>(optionsOf(sink), mapperOf(sink), clock,
                UnregisteredMetricsGroup.createSinkWriterMetricGroup(), 0);
    }

    private static InfluxSinkBuilder<Long> sink(String url, String measurement) {
        return InfluxSink.<Long>builder().url(url).token("t").org("pulse").bucket("writer-it")
                .pointMapper(mapper(measurement));
    }

    private static int samples(String metric) {
        return TSDB.export(metric).stream().mapToInt(ExportedSeries::size).sum();
    }

    @Test
    void fullBatchesGoOutWithoutAFlushAndFlushWritesTheRest() throws Exception {
        try (InfluxSinkWriter<Long> writer = writer(sink(TSDB.url(), "batched").batchSize(100))) {
            for (long i = 0; i < 250; i++) {
                writer.write(i, null);
            }
            // two full batches were handed to the sender; the second may still be in flight
            Await.until(Duration.ofSeconds(10), () -> writer.metrics().pointsWritten() == 200,
                    () -> writer.metrics().pointsWritten() + " points written");
            assertThat(writer.bufferedPoints()).isEqualTo(50);

            writer.flush(false); // returns only once the server has everything
            assertThat(writer.metrics().pointsWritten()).isEqualTo(250);
            assertThat(writer.bufferedPoints()).isZero();
            assertThat(samples("batched_value")).isEqualTo(250);
        }
    }

    @Test
    void anIdleBufferIsWrittenByTheTimerAfterTheFlushInterval() throws Exception {
        try (InfluxSinkWriter<Long> writer = writer(sink(TSDB.url(), "idle").flushInterval(Duration.ofSeconds(1)))) {
            clock.set(10_000);
            writer.write(0L, null);
            clock.set(10_400);
            writer.write(1L, null);
            assertThat(clock.pendingTimers()).isEqualTo(1);

            clock.advanceTo(10_999);
            assertThat(writer.bufferedPoints()).isEqualTo(2);
            clock.advanceTo(11_000); // the first point waited 1 s: both go out
            Await.until(Duration.ofSeconds(10), () -> writer.metrics().pointsWritten() == 2,
                    () -> writer.metrics().pointsWritten() + " points written");
            assertThat(samples("idle_value")).isEqualTo(2);
            assertThat(clock.pendingTimers()).isZero(); // nothing buffered, nothing scheduled
        }
    }

    @Test
    void theIntervalIsAlsoCheckedOnWrite() throws Exception {
        try (InfluxSinkWriter<Long> writer = writer(sink(TSDB.url(), "onwrite").flushInterval(Duration.ofSeconds(1)))) {
            writer.write(0L, null);
            clock.set(1_500); // the task was busy: its timer has not run yet
            writer.write(1L, null);
            assertThat(writer.bufferedPoints()).isEqualTo(2); // handed to the sender, not yet confirmed
            Await.until(Duration.ofSeconds(10), () -> writer.metrics().pointsWritten() == 2,
                    () -> writer.metrics().pointsWritten() + " points written");
            clock.advanceTo(2_000); // the stale timer finds nothing to do
            assertThat(writer.bufferedPoints()).isZero();
        }
    }

    @Test
    void whenNoServerAnswersTheWriterRetriesThenFailsNamingTheBucket() throws Exception {
        String nobody = "http://127.0.0.1:" + FreePorts.find();
        try (InfluxSinkWriter<Long> writer = writer(sink(nobody, "never")
                .retries(3, Duration.ofMillis(100), Duration.ofMillis(150)))) {
            writer.write(7L, null);
            long started = System.nanoTime();
            assertThatThrownBy(() -> writer.flush(false))
                    .isInstanceOfSatisfying(InfluxWriteException.class, e -> {
                        assertThat(e.bucket()).isEqualTo("writer-it");
                        assertThat(e.status()).isZero();
                    })
                    .hasMessageContaining("InfluxDB " + nobody + " bucket 'writer-it' (org 'pulse') did not take 1 point in 3 attempts")
                    .hasMessageContaining("ConnectException")
                    .hasMessageContaining("restarts from its last checkpoint");
            assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started)).isGreaterThanOrEqualTo(250);
            assertThat(writer.metrics().writeRetries()).isEqualTo(2);
            assertThat(writer.metrics().failedWrites()).isEqualTo(1);
            assertThat(writer.bufferedPoints()).isEqualTo(1); // still unacknowledged: the job replays it
        }
    }

    @Test
    void aRefusedRequestFailsAtOnceWithTheServersMessage() throws Exception {
        try (InfluxSinkWriter<Long> writer = writer(sink(TSDB.url() + "/wrong-prefix", "refused"))) {
            writer.write(1L, null);
            assertThatThrownBy(() -> writer.flush(false))
                    .isInstanceOfSatisfying(InfluxWriteException.class, e -> assertThat(e.status()).isEqualTo(400))
                    .hasMessageContaining("bucket 'writer-it'")
                    .hasMessageContaining("refused 1 point: HTTP 400")
                    .hasMessageContaining("unsupported path requested");
            assertThat(writer.metrics().writeRetries()).isZero();
            assertThat(writer.metrics().failedWrites()).isEqualTo(1);
        }
    }

    @Test
    void aServerBackWithinTheRetriesLosesNothing() throws Exception {
        try (InfluxSinkWriter<Long> writer = writer(sink(TSDB.url(), "comeback")
                .retries(20, Duration.ofMillis(100), Duration.ofMillis(500)))) {
            for (long i = 0; i < 30; i++) {
                writer.write(i, null);
            }
            TSDB.kill(); // nothing of this test is on it yet, so its crash loses nothing here
            CompletableFuture<Void> flushed = CompletableFuture.runAsync(() -> {
                try {
                    writer.flush(false);
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            Thread.sleep(1_500);
            assertThat(flushed).isNotDone();
            TSDB.start();
            flushed.get(30, TimeUnit.SECONDS);

            assertThat(writer.metrics().writeRetries()).isGreaterThanOrEqualTo(2);
            assertThat(writer.metrics().failedWrites()).isZero();
            assertThat(samples("comeback_value")).isEqualTo(30);
        }
    }

    private static SinkOptions optionsOf(InfluxSink<Long> sink) {
        return sink.options();
    }

    private static InfluxPointMapper<Long> mapperOf(InfluxSink<Long> sink) {
        return sink.mapper();
    }
}

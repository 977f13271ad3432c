package io.pulse.jobs.telemetry;

import io.pulse.jobs.ingest.SourceProbe;
import io.pulse.jobs.options.JobOptions;
import io.pulse.jobs.storage.JdbcSettings;
import io.pulse.jobs.storage.SchemaMigrator;
import io.pulse.testservers.ExportedSeries;
import io.pulse.testservers.FlinkTestCluster;
import io.pulse.testservers.MariaDbServer;
import io.pulse.testservers.MosquittoServer;
import io.pulse.testservers.VictoriaMetricsServer;
import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt5.Mqtt5BlockingClient;
import com.hivemq.client.mqtt.mqtt5.Mqtt5Client;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The telemetry job's time-series outputs on a real server that speaks the InfluxDB v2 write
 * API: raw metrics, anomaly scores and device health, written by the job started from its
 * command-line options (MQTT in, MariaDB and VictoriaMetrics out).
 */
class TelemetryTimeSeriesITCase {

    @RegisterExtension
    static final MosquittoServer MQTT = MosquittoServer.create();

    @RegisterExtension
    static final MariaDbServer DB = MariaDbServer.create();

    @RegisterExtension
    static final VictoriaMetricsServer TSDB = VictoriaMetricsServer.create();

    @RegisterExtension
    static final MiniClusterExtension FLINK = FlinkTestCluster.extension(4);

    private static final int READINGS = 26;
    private static final int FIRST_HOT = 22;
    private static final int LAST_HOT = 24;

    @Test
    void metricsScoresAndHealthChangesReachTheTimeSeriesServer() throws Exception {
        JdbcSettings jdbc = JdbcSettings.of(DB.jdbcUrl(), DB.user(), DB.password());
        SchemaMigrator.migrate(jdbc);
        JobOptions options = JobOptions.parse("--mqtt.broker", MQTT.uri(), "--mqtt.spool-dir", MQTT.newSpoolDirectory(), "--jdbc.url", DB.jdbcUrl(),
                "--jdbc.user", DB.user(), "--jdbc.password", DB.password(), "--jdbc.batch-interval", "100",
                "--influx.url", TSDB.url(), "--influx.org", "pulse", "--influx.bucket", "pulse");
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.setParallelism(2);
        env.enableCheckpointing(300);
        TelemetryJob.build(env, options);
        JobClient job = env.executeAsync("telemetry-timeseries-it");

        Mqtt5BlockingClient client = Mqtt5Client.builder().identifier("telemetry-ts-it").serverHost(MQTT.host())
                .serverPort(MQTT.port()).buildBlocking();
        client.connect();
        Thread clock = null;
        try {
            SourceProbe.awaitSubscribed(jdbc,
                    () -> publish(client, "devices/B1/telemetry", "{\"deviceId\":\"B1\",\"ts\":1,\"temperature\":\"hot\"}"));

            // R1 every 5 s: 22 readings near 21 °C, three at 82.4 °C (OVERHEAT opens at the third), one back at 21.
            Instant base = Instant.now().minus(10, ChronoUnit.MINUTES).truncatedTo(ChronoUnit.SECONDS);
            double[] temperatures = new double[READINGS];
            long[] ts = new long[READINGS];
            for (int i = 0; i < READINGS; i++) {
                temperatures[i] = i >= FIRST_HOT && i <= LAST_HOT ? 82.4 : 21.0 + (i % 5) * 0.1;
                ts[i] = base.plusSeconds(5L * i).toEpochMilli();
                publish(client, "devices/R1/telemetry", "{\"deviceId\":\"R1\",\"ts\":" + ts[i]
                        + ",\"temperature\":" + temperatures[i] + ",\"humidity\":40}");
            }
            // Raw values do not wait for the watermark: the newest reading is stored before any
            // later reading moves event time past it.
            ExportedSeries temperature = TSDB.awaitExport("telemetry_temperature{device=\"R1\"}",
                    series -> series.size() == 1 && series.get(0).size() == READINGS, Duration.ofSeconds(60)).get(0);
            for (int i = 0; i < READINGS; i++) {
                assertThat(temperature.valueAt(ts[i])).as("temperature at reading %d", i).isEqualTo(temperatures[i]);
            }

            // Event time moves on only with readings: a second device keeps the clock going.
            clock = new Thread(() -> {
                for (long t = ts[READINGS - 1] + 10_000; !Thread.currentThread().isInterrupted(); t += 1_000) {
                    publish(client, "devices/C1/telemetry", "{\"deviceId\":\"C1\",\"ts\":" + t + ",\"temperature\":21}");
                    try {
                        Thread.sleep(200);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }, "event-time clock");
            clock.start();

            // A score from the 21st reading on, each against the 20 readings before it; the last ones
            // once C1's readings have moved event time past them.
            ExportedSeries score = TSDB.awaitExport("telemetry_temperature_z{device=\"R1\"}",
                    series -> series.size() == 1 && series.get(0).size() == READINGS - 20, Duration.ofSeconds(90)).get(0);
            assertThat(score.timestamps()).first().isEqualTo(ts[20]);
            assertThat(score.valueAt(ts[FIRST_HOT])).isCloseTo(zScore(temperatures, FIRST_HOT), within(1e-9));
            assertThat(score.valueAt(ts[FIRST_HOT])).as("the first hot reading is anomalous").isGreaterThanOrEqualTo(3.0);
            assertThat(TSDB.export("telemetry_humidity_z")).as("no score while the deviation is 0").isEmpty();

            // Health: 100, then 70 while OVERHEAT is open (from the third hot reading), then 100 again.
            ExportedSeries health = TSDB.awaitExport("device_health_health{device=\"R1\"}",
                    series -> series.size() == 1 && series.get(0).values().contains(70.0)
                            && series.get(0).values().get(series.get(0).size() - 1) == 100.0,
                    Duration.ofSeconds(60)).get(0);
            assertThat(health.values()).first().isEqualTo(100.0);
            assertThat(health.valueAt(ts[LAST_HOT])).as("when OVERHEAT opened: %s", health).isEqualTo(70.0);
            assertThat(health.valueAt(ts[LAST_HOT + 1])).as("when it resolved: %s", health).isEqualTo(100.0);
            assertThat(TSDB.export("device_health_health{device=\"B1\"}")).as("no health for rejected input").isEmpty();
        } finally {
            if (clock != null) {
                clock.interrupt();
                clock.join();
            }
            client.disconnect();
            job.cancel().get(30, TimeUnit.SECONDS);
        }
    }

    /** The contract's z-score: against the mean and population deviation of the 20 readings before. */
    private static double zScore(double[] values, int index) {
        double mean = 0;
        for (int i = index - 20; i < index; i++) {
            mean += values[i] / 20;
        }
        double variance = 0;
        for (int i = index - 20; i < index; i++) {
            variance += (values[i] - mean) * (values[i] - mean) / 20;
        }
        return (values[index] - mean) / Math.sqrt(variance);
    }

    private static void publish(Mqtt5BlockingClient client, String topic, String payload) {
        client.publishWith().topic(topic).qos(MqttQos.AT_LEAST_ONCE).payload(payload.getBytes(StandardCharsets.UTF_8)).send();
    }
}

package io.pulse.jobs.energy;

import io.pulse.bridge.ModbusBridge;
import io.pulse.bridge.config.ConfigLoader;
import io.pulse.bridge.registers.Presets;
import io.pulse.bridge.sim.SimulatedMeter;
import io.pulse.bridge.sim.SimulatedModbusServer;
import io.pulse.jobs.ingest.SourceProbe;
import io.pulse.jobs.options.JobOptions;
import io.pulse.jobs.storage.DatabaseConnections;
import io.pulse.jobs.storage.JdbcSettings;
import io.pulse.jobs.storage.SchemaMigrator;
import io.pulse.testservers.Await;
import io.pulse.testservers.ExportedSeries;
import io.pulse.testservers.FlinkTestCluster;
import io.pulse.testservers.MariaDbServer;
import io.pulse.testservers.MosquittoServer;
import io.pulse.testservers.VictoriaMetricsServer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.hivemq.client.mqtt.MqttGlobalPublishFilter;
import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt5.Mqtt5BlockingClient;
import com.hivemq.client.mqtt.mqtt5.Mqtt5Client;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The whole energy path: a simulated Eastron SDM630 on Modbus TCP → the Modbus bridge → real
 * Mosquitto → the energy job → MariaDB and VictoriaMetrics. The bridge's clock runs 20 times
 * faster than the wall clock from an hour ago, so two 5-minute windows close in about 35 s; the
 * expected windows are computed here, by the contract's rule, from the readings the bridge
 * actually published.
 */
class BridgeToEnergyITCase {

    @RegisterExtension
    static final MosquittoServer MQTT = MosquittoServer.create();

    @RegisterExtension
    static final MariaDbServer DB = MariaDbServer.create();

    @RegisterExtension
    static final VictoriaMetricsServer TSDB = VictoriaMetricsServer.create();

    @RegisterExtension
    static final MiniClusterExtension FLINK = FlinkTestCluster.extension(4);

    private static final long WINDOW_MS = 300_000;
    private static final long MAX_GAP_MS = 60_000;
    private static final int SPEED = 20;

    @Test
    void windowsFromASimulatedMeterThroughTheBridgeMatchTheContractsIntegral(@TempDir Path queue) throws Exception {
        JdbcSettings jdbc = JdbcSettings.of(DB.jdbcUrl(), DB.user(), DB.password());
        SchemaMigrator.migrate(jdbc);
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.setParallelism(2);
        env.enableCheckpointing(300);
        EnergyJob.build(env, JobOptions.parse("--mqtt.broker", MQTT.uri(), "--mqtt.spool-dir", MQTT.newSpoolDirectory(), "--jdbc.url", DB.jdbcUrl(), "--jdbc.user", DB.user(),
                "--jdbc.password", DB.password(), "--jdbc.batch-interval", "100",
                "--influx.url", TSDB.url(), "--influx.org", "campus", "--influx.bucket", "pulse"));
        JobClient job = env.executeAsync("bridge-to-energy-it");

        // What the bridge publishes, as this test sees it: ts → power.
        Map<Long, Double> published = new ConcurrentSkipListMap<>();
        ObjectMapper json = new ObjectMapper();
        Mqtt5BlockingClient client = Mqtt5Client.builder().identifier("bridge-energy-it").serverHost(MQTT.host())
                .serverPort(MQTT.port()).buildBlocking();
        client.toAsync().publishes(MqttGlobalPublishFilter.ALL, p -> {
            try {
                JsonNode r = json.readTree(p.getPayloadAsBytes());
                if (r.has("power")) {
                    published.put(r.get("ts").asLong(), r.get("power").asDouble());
                }
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        client.connect();
        client.subscribeWith().topicFilter("energy/meters/m1/readings").qos(MqttQos.AT_LEAST_ONCE).send();

        Instant base = Instant.now().minus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.HOURS);
        Instant start = base.minusSeconds(30);
        long first = base.toEpochMilli();
        try (SimulatedModbusServer modbus = SimulatedModbusServer.tcp(0)) {
            SourceProbe.awaitSubscribed(jdbc, () -> client.publishWith().topic("energy/meters/probe/readings")
                    .qos(MqttQos.AT_LEAST_ONCE).payload("{\"meterId\":\"probe\",\"ts\":1,\"power\":\"a lot\"}"
                            .getBytes(StandardCharsets.UTF_8)).send());
            SimulatedMeter meter = modbus.addMeter(1, Presets.SDM630);
            meter.setVoltage(230);
            meter.setCurrent(26);
            meter.setPower(6000);
            ModbusBridge bridge = ModbusBridge.start(ConfigLoader.parse(String.join("\n",
                    "bridgeId: it",
                    "mqtt: { broker: " + MQTT.uri() + " }",
                    "queue: { directory: " + queue + " }",
                    "pollIntervalMs: 1000",
                    "buses:",
                    "  - name: gateway",
                    "    tcp: { host: 127.0.0.1, port: " + modbus.port() + " }",
                    "    meters:",
                    "      - { id: m1, unitId: 1, map: sdm630 }", ""), "the test's bridge"), fastClock(start));
            try {
                // 6 kW, then 4.5 kW from about 6 minutes of event time on
                Await.until(Duration.ofSeconds(60), () -> newest(published) > first + 6 * 60_000, published::toString);
                meter.setPower(4500);
                Await.until(Duration.ofSeconds(60), () -> newest(published) > first + 2 * WINDOW_MS + 10_000, published::toString);
            } finally {
                bridge.close();
            }
        }

        TreeMap<Long, Double> readings = new TreeMap<>(published);
        for (long window = first; window < first + 2 * WINDOW_MS; window += WINDOW_MS) {
            double[] expected = expectedWindow(readings, window);
            assertThat(expected[0]).as("the window has energy").isPositive();
            long w = window;
            Await.until(Duration.ofSeconds(60), () -> row(jdbc, w) != null && Math.abs(row(jdbc, w)[0] - expected[0]) < 1e-6,
                    () -> "window " + Instant.ofEpochMilli(w) + ": expected " + java.util.Arrays.toString(expected)
                            + ", stored " + java.util.Arrays.toString(row(jdbc, w)) + "; readings " + readings);
            double[] stored = row(jdbc, window);
            assertThat(stored[0]).as("energy_wh").isCloseTo(expected[0], within(1e-6));
            assertThat(stored[1]).as("coverage").isCloseTo(expected[1], within(1e-9));
            assertThat(stored[2]).as("samples").isEqualTo(expected[2]);
        }

        // every reading at full resolution, and the windows, in the time-series store
        List<ExportedSeries> power = TSDB.awaitExport("meter_power_w{meter=\"m1\"}",
                s -> s.size() == 1 && s.get(0).size() >= readings.headMap(first + 2 * WINDOW_MS).size(), Duration.ofSeconds(30));
        assertThat(power.get(0).valueAt(readings.firstKey())).isEqualTo(readings.firstEntry().getValue());
        ExportedSeries windows = TSDB.awaitExport("energy_5min_energy_wh{meter=\"m1\"}",
                s -> s.size() == 1 && s.get(0).valueAt(first + WINDOW_MS) != null, Duration.ofSeconds(30)).get(0);
        assertThat(windows.valueAt(first)).isCloseTo(expectedWindow(readings, first)[0], within(1e-6));

        client.disconnect();
        job.cancel().get(30, TimeUnit.SECONDS);
    }

    /**
     * The contract's rule, computed independently of the job: power linear between consecutive
     * readings at most 60 s apart, split at window boundaries.
     *
     * @return energy in Wh, coverage (integrated seconds / 300), samples
     */
    private static double[] expectedWindow(TreeMap<Long, Double> readings, long windowStart) {
        long windowEnd = windowStart + WINDOW_MS;
        double wattMillis = 0;
        long integratedMs = 0;
        Map.Entry<Long, Double> previous = null;
        for (Map.Entry<Long, Double> r : readings.entrySet()) {
            if (previous != null && r.getKey() - previous.getKey() <= MAX_GAP_MS) {
                long t0 = previous.getKey();
                long t1 = r.getKey();
                long a = Math.max(t0, windowStart);
                long b = Math.min(t1, windowEnd);
                if (a < b) {
                    double pa = previous.getValue() + (r.getValue() - previous.getValue()) * (a - t0) / (t1 - t0);
                    double pb = previous.getValue() + (r.getValue() - previous.getValue()) * (b - t0) / (t1 - t0);
                    wattMillis += (pa + pb) / 2 * (b - a);
                    integratedMs += b - a;
                }
            }
            previous = r;
        }
        long samples = readings.subMap(windowStart, windowEnd).size();
        return new double[] {wattMillis / 3_600_000.0, integratedMs / 1000.0 / 300, samples};
    }

    private static double[] row(JdbcSettings jdbc, long windowStart) {
        String sql = "SELECT energy_wh, coverage, samples FROM energy_5min WHERE meter_id = 'm1' AND window_start = '"
                + LocalDateTime.ofInstant(Instant.ofEpochMilli(windowStart), ZoneOffset.UTC) + "'";
        try (Connection c = DatabaseConnections.open(jdbc); Statement s = c.createStatement(); ResultSet r = s.executeQuery(sql)) {
            return r.next() ? new double[] {r.getDouble(1), r.getDouble(2), r.getInt(3)} : null;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static long newest(Map<Long, Double> published) {
        return published.isEmpty() ? Long.MIN_VALUE : ((ConcurrentSkipListMap<Long, Double>) published).lastKey();
    }

    /** A clock that starts at {@code from} and runs {@value #SPEED} times faster than the wall clock. */
    private static Clock fastClock(Instant from) {
        long startNanos = System.nanoTime();
        return new Clock() {
            @Override
            public ZoneId getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return from.plusNanos((System.nanoTime() - startNanos) * SPEED);
            }
        };
    }
}

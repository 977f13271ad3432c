package io.pulse.jobs.energy;

import io.pulse.connectors.mqtt.source.MqttSubscriptions;
import io.pulse.jobs.energy.EnergyScenario.Day;
import io.pulse.jobs.energy.EnergyScenario.Publish;
import io.pulse.jobs.options.JobOptions;
import io.pulse.jobs.storage.DatabaseConnections;
import io.pulse.jobs.storage.JdbcSettings;
import io.pulse.jobs.storage.SchemaMigrator;
import io.pulse.testservers.Await;
import io.pulse.testservers.ExportedSeries;
import io.pulse.testservers.FailOnce;
import io.pulse.testservers.FlinkTestCluster;
import io.pulse.testservers.MariaDbServer;
import io.pulse.testservers.MosquittoServer;
import io.pulse.testservers.VictoriaMetricsServer;

import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt5.Mqtt5BlockingClient;
import com.hivemq.client.mqtt.mqtt5.Mqtt5Client;
import org.apache.flink.configuration.CheckpointingOptions;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.ExternalizedCheckpointRetention;
import org.apache.flink.configuration.RestartStrategyOptions;
import org.apache.flink.configuration.StateRecoveryOptions;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The energy job end to end on real servers: Mosquitto in, MariaDB and VictoriaMetrics (InfluxDB
 * v2 write API) out, on the scripted meters of {@link EnergyScenario}; a corpus of bad messages;
 * and the same scenario with the job cancelled mid-way and restored from its retained checkpoint.
 */
class EnergyJobITCase {

    @RegisterExtension
    static final MosquittoServer MQTT = MosquittoServer.create();

    @RegisterExtension
    static final MariaDbServer DB = MariaDbServer.create();

    @RegisterExtension
    static final VictoriaMetricsServer TSDB = VictoriaMetricsServer.create();

    @RegisterExtension
    static final MiniClusterExtension FLINK = FlinkTestCluster.extension(4);

    private static Mqtt5BlockingClient client;

    @BeforeAll
    static void connect() {
        client = Mqtt5Client.builder().identifier("energy-it").serverHost(MQTT.host()).serverPort(MQTT.port()).buildBlocking();
        client.connect();
    }

    @AfterAll
    static void disconnect() {
        client.disconnect();
    }

    @Test
    void theScenarioGivesTheHandComputedWindowsAndDaysAndBadInputIsRejected() throws Exception {
        String url = DB.createDatabase("energy_it");
        JdbcSettings jdbc = JdbcSettings.of(url, DB.user(), DB.password());
        SchemaMigrator.migrate(jdbc);
        Instant base = base(Instant.now().minus(3, ChronoUnit.HOURS));
        JobClient job = start(url, new Configuration(), true);
        try {
            awaitSubscribed(jdbc, "Ebad");
            Map<String, String> corpus = badCorpus(base);
            corpus.forEach((payload, reason) -> publish("energy/meters/Ebad/readings", payload));
            publishAll(EnergyScenario.readings("E"), base);

            Map<String, String> want = EnergyScenario.windows("E");
            Await.until(Duration.ofSeconds(60), () -> windowRows(jdbc, "E", base).equals(want),
                    () -> "energy_5min: " + windowRows(jdbc, "E", base));
            // The watermark is past window 1 now: a reading 10 s into window 0 is late.
            publish("energy/meters/E3/readings", "{\"meterId\":\"E3\",\"ts\":" + base.plusSeconds(10).toEpochMilli() + ",\"power\":9999}");

            Map<String, String> reasons = new LinkedHashMap<>(corpus);
            reasons.put("{\"meterId\":\"E3\",\"ts\":" + base.plusSeconds(10).toEpochMilli() + ",\"power\":9999.0}", "late");
            Await.until(Duration.ofSeconds(30), () -> rejected(jdbc).entrySet().containsAll(reasons.entrySet()),
                    () -> "rejected: " + rejected(jdbc));
            assertThat(windowRows(jdbc, "E", base)).as("the late reading changed nothing").isEqualTo(want);

            Map<String, Day> days = EnergyScenario.days("E");
            Await.until(Duration.ofSeconds(30), () -> daysMatch(jdbc, days, base), () -> "energy_daily: " + dailyRows(jdbc));
            assertDays(jdbc, days, base);
            // The campus: every meter's energy, and the coincident peak in the first quarter hour.
            double campus = days.values().stream().mapToDouble(Day::energyWh).sum();
            double campusPeak = (campus - EnergyScenario.wh(100 * 300)) * 4; // all but EF's window 3
            Object[] row = dailyRows(jdbc).get("*");
            assertThat((double) row[1]).isCloseTo(campus, within(1e-9));
            assertThat((double) row[2]).isCloseTo(campusPeak, within(1e-9));
            assertThat(row[3]).isEqualTo(base);
            assertThat((double) row[4]).isCloseTo((900 + 600 + 60 + 1200) / 86_400.0 / 4, within(1e-12));

            // InfluxDB: every reading at full resolution, and the window rows.
            List<ExportedSeries> power = TSDB.awaitExport("meter_power_w{meter=\"E1\"}",
                    s -> s.size() == 1 && s.get(0).size() == 91, Duration.ofSeconds(30));
            assertThat(power.get(0).valueAt(base.plusSeconds(450).toEpochMilli())).isEqualTo(1200.0);
            assertThat(TSDB.awaitExport("meter_voltage_v{meter=\"E3\"}", s -> s.size() == 1 && s.get(0).size() == 5,
                    Duration.ofSeconds(30))).isNotEmpty();
            List<ExportedSeries> energy = TSDB.awaitExport("energy_5min_energy_wh{meter=\"E2\"}",
                    s -> s.size() == 1 && s.get(0).size() == 3, Duration.ofSeconds(30));
            assertThat(energy.get(0).valueAt(base.plusSeconds(300).toEpochMilli())).isEqualTo(75.0);
            Thread.sleep(1_000); // a checkpoint acknowledges the last messages, so no later job gets them again
        } finally {
            job.cancel().get(30, TimeUnit.SECONDS);
        }
    }

    @Test
    void cancelledMidStreamAndRestoredFromTheCheckpointGivesTheSameRowsOnce(@TempDir Path checkpoints) throws Exception {
        String url = DB.createDatabase("energy_restore");
        JdbcSettings jdbc = JdbcSettings.of(url, DB.user(), DB.password());
        SchemaMigrator.migrate(jdbc);
        Instant base = base(Instant.now().minus(90, ChronoUnit.MINUTES));
        Configuration conf = new Configuration();
        conf.set(CheckpointingOptions.CHECKPOINTS_DIRECTORY, checkpoints.toUri().toString());
        conf.set(CheckpointingOptions.EXTERNALIZED_CHECKPOINT_RETENTION, ExternalizedCheckpointRetention.RETAIN_ON_CANCELLATION);
        List<Publish> readings = EnergyScenario.readings("R");
        int half = readings.size() / 2; // at about 500 s: in the middle of windows, the late reading sent

        JobClient first = start(url, conf, false);
        try {
            awaitSubscribed(jdbc, "Rbad");
            publishAll(readings.subList(0, half), base);
            Await.until(Duration.ofSeconds(60), () -> windowRows(jdbc, "R", base).containsKey("R1@0"),
                    () -> "energy_5min: " + windowRows(jdbc, "R", base));
            Optional<Path> before = FlinkTestCluster.latestCheckpoint(checkpoints);
            Await.until(Duration.ofSeconds(15), () -> !FlinkTestCluster.latestCheckpoint(checkpoints).equals(before), () -> "no new checkpoint");
        } finally {
            first.cancel().get(30, TimeUnit.SECONDS);
        }

        conf.set(StateRecoveryOptions.SAVEPOINT_PATH, FlinkTestCluster.latestCheckpoint(checkpoints).orElseThrow().toUri().toString());
        JobClient second = start(url, conf, false);
        try {
            // The persistent session redelivers what the cancelled job had not acknowledged. An
            // acknowledgement lost in a failure makes it redeliver what the restored state holds,
            // some of it settled long ago: sent again here, they must count once and not as late.
            publishAll(readings.subList(0, half).stream().filter(p -> p.seconds() >= 300).toList(), base);
            publishAll(readings.subList(half, readings.size()), base);
            Map<String, String> want = EnergyScenario.windows("R");
            Await.until(Duration.ofSeconds(60), () -> windowRows(jdbc, "R", base).equals(want),
                    () -> "energy_5min: " + windowRows(jdbc, "R", base));
            Map<String, Day> days = EnergyScenario.days("R");
            Await.until(Duration.ofSeconds(30), () -> daysMatch(jdbc, days, base), () -> "energy_daily: " + dailyRows(jdbc));
            assertDays(jdbc, days, base);
            assertThat(rejected(jdbc).values()).as("nothing but the probe was refused: no reading was late after the restore")
                    .containsOnly(PROBE_REASON);
            Thread.sleep(1_000);
        } finally {
            second.cancel().get(30, TimeUnit.SECONDS);
        }
    }

    @Test
    void aFailureMidStreamRestartsFromTheCheckpointAndGivesTheSameRowsOnce() throws Exception {
        String url = DB.createDatabase("energy_failure");
        JdbcSettings jdbc = JdbcSettings.of(url, DB.user(), DB.password());
        SchemaMigrator.migrate(jdbc);
        Instant base = base(Instant.now().minus(45, ChronoUnit.MINUTES));
        Configuration conf = new Configuration();
        conf.set(RestartStrategyOptions.RESTART_STRATEGY, "fixed-delay");
        conf.set(RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_ATTEMPTS, 3);
        conf.set(RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_DELAY, Duration.ofSeconds(1));
        List<Publish> readings = EnergyScenario.readings("K");
        FailOnce<MeterReading> failure = new FailOnce<>(readings.size() / 2);

        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(conf);
        env.setParallelism(2);
        env.enableCheckpointing(300);
        EnergyJob.build(env, JobOptions.parse("--mqtt.broker", MQTT.uri(), "--mqtt.spool-dir", MQTT.newSpoolDirectory(), "--jdbc.url", url, "--jdbc.user", DB.user(),
                "--jdbc.password", DB.password(), "--jdbc.batch-interval", "100"),
                valid -> valid.map(failure).returns(MeterReading.class).name("energy: fail once"));
        JobClient job = env.executeAsync("energy-failure-it");
        try {
            awaitSubscribed(jdbc, "Kbad");
            // Slowly enough that checkpoints complete before the failure: some readings are
            // restored from state, the rest redelivered by the broker.
            for (int i = 0; i < readings.size(); i += 20) {
                publishAll(readings.subList(i, Math.min(i + 20, readings.size())), base);
                Thread.sleep(50);
            }
            Map<String, String> want = EnergyScenario.windows("K");
            Await.until(Duration.ofSeconds(90), () -> windowRows(jdbc, "K", base).equals(want),
                    () -> "energy_5min: " + windowRows(jdbc, "K", base) + "; rejected: " + rejected(jdbc));
            assertThat(FailOnce.FAILED).as("the injected failure happened").isTrue();
            Map<String, Day> days = EnergyScenario.days("K");
            Await.until(Duration.ofSeconds(30), () -> daysMatch(jdbc, days, base), () -> "energy_daily: " + dailyRows(jdbc));
            assertDays(jdbc, days, base);
            assertThat(rejected(jdbc).values()).as("nothing but the probe was refused").containsOnly(PROBE_REASON);
            Thread.sleep(1_000);
        } finally {
            job.cancel().get(30, TimeUnit.SECONDS);
        }
    }

    // ---------------------------------------------------------------- helpers

    /** On a quarter hour, and with the scenario's 25 minutes inside one UTC day. */
    private static Instant base(Instant from) {
        Instant base = from.truncatedTo(ChronoUnit.HOURS).plus(from.atZone(ZoneOffset.UTC).getMinute() / 15 * 15L, ChronoUnit.MINUTES);
        boolean crossesMidnight = !base.truncatedTo(ChronoUnit.DAYS).equals(base.plusSeconds(1500).truncatedTo(ChronoUnit.DAYS));
        return crossesMidnight ? base.minus(1, ChronoUnit.HOURS) : base;
    }

    private static JobClient start(String url, Configuration conf, boolean influx) throws Exception {
        List<String> args = new java.util.ArrayList<>(List.of("--mqtt.broker", MQTT.uri(), "--mqtt.spool-dir", MQTT.newSpoolDirectory(), "--jdbc.url", url,
                "--jdbc.user", DB.user(), "--jdbc.password", DB.password(), "--jdbc.batch-interval", "100"));
        if (influx) {
            args.addAll(List.of("--influx.url", TSDB.url(), "--influx.org", "campus", "--influx.bucket", "pulse"));
        }
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(conf);
        env.setParallelism(2);
        env.enableCheckpointing(300);
        EnergyJob.build(env, JobOptions.parse(args.toArray(String[]::new)));
        return env.executeAsync("energy-it");
    }

    private static final String PROBE_REASON = "power must be a number, got string";

    /** Until the source has subscribed, messages may be lost: repeat a bad one until it is stored. */
    private static void awaitSubscribed(JdbcSettings jdbc, String meter) throws Exception {
        for (int i = 0; !rejected(jdbc).containsValue(PROBE_REASON); i++) {
            assertThat(i).as("the energy source subscribes within 30 s").isLessThan(300);
            publish("energy/meters/" + meter + "/readings", "{\"meterId\":\"" + meter + "\",\"ts\":1,\"power\":\"a lot\"}");
            Thread.sleep(100);
        }
        assertThat(MqttSubscriptions.awaitAllSubscribed(Duration.ofSeconds(30)))
                .as("both sessions subscribe: " + MqttSubscriptions.status()).isTrue();
    }

    private static void publishAll(List<Publish> readings, Instant base) {
        for (Publish p : readings) {
            publish("energy/meters/" + p.meter() + "/readings", EnergyScenario.json(p, base));
        }
    }

    private static void publish(String topic, String payload) {
        client.publishWith().topic(topic).qos(MqttQos.AT_LEAST_ONCE).payload(payload.getBytes(StandardCharsets.UTF_8)).send();
    }

    /** Bad payloads on energy/meters/Ebad/readings and the reason each must be refused with. */
    private static Map<String, String> badCorpus(Instant base) {
        String ts = "\"ts\":" + base.toEpochMilli();
        Instant future = Instant.now().plus(10, ChronoUnit.MINUTES).truncatedTo(ChronoUnit.SECONDS).plusMillis(250);
        Map<String, String> corpus = new LinkedHashMap<>();
        corpus.put("{" + ts + ",\"power\":100}", "meterId is missing");
        corpus.put("{\"meterId\":\"E9\"," + ts + ",\"power\":100}", "meterId 'E9' does not match the topic's 'Ebad'");
        corpus.put("{\"meterId\":\"Ebad\",\"power\":100}", "ts is missing");
        corpus.put("{\"meterId\":\"Ebad\",\"ts\":\"noon\",\"power\":100}",
                "ts 'noon' is not ISO-8601 with a zone (e.g. 2026-03-02T08:00:01.250Z)");
        corpus.put("{\"meterId\":\"Ebad\",\"ts\":\"" + future + "\",\"power\":100}",
                "ts " + future + " is more than 5 minutes in the future");
        corpus.put("{\"meterId\":\"Ebad\"," + ts + ",\"voltage\":230}", "power is missing");
        corpus.put("{\"meterId\":\"Ebad\"," + ts + ",\"power\":NaN}", "power is NaN");
        corpus.put("{\"meterId\":\"Ebad\"," + ts + ",\"power\":Infinity}", "power is infinite");
        corpus.put("{\"meterId\":\"Ebad\"," + ts + ",\"power\":100,\"voltage\":-5}", "voltage -5.0 is outside its valid range [0, 1000]");
        corpus.put("{\"meterId\":\"Ebad\"," + ts + ",\"power\":100,\"current\":true}", "current must be a number, got boolean");
        corpus.put("{\"meterId\":\"Ebad\",", "payload is not JSON: Unexpected end-of-input within/between Object entries");
        corpus.put("[]", "payload is an empty array");
        return corpus;
    }

    /** Window rows of meters starting with prefix, for windows 0..3, in EnergyScenario's format. */
    private static Map<String, String> windowRows(JdbcSettings jdbc, String prefix, Instant base) {
        Map<String, String> rows = new TreeMap<>();
        String sql = "SELECT meter_id, window_start, window_end, energy_wh, avg_power_w, min_power_w, max_power_w, samples, coverage"
                + " FROM energy_5min WHERE meter_id LIKE '" + prefix + "%' AND meter_id <> '" + prefix + "bad'";
        try (Connection c = DatabaseConnections.open(jdbc); Statement s = c.createStatement(); ResultSet r = s.executeQuery(sql)) {
            while (r.next()) {
                long offset = Duration.between(base, r.getObject(2, LocalDateTime.class).toInstant(ZoneOffset.UTC)).toSeconds();
                long length = Duration.between(r.getObject(2, LocalDateTime.class), r.getObject(3, LocalDateTime.class)).toSeconds();
                if (offset < EnergyScenario.CHECKED_SECONDS && length == 300) {
                    Double avg = r.getObject(5) == null ? null : r.getDouble(5);
                    rows.put(r.getString(1) + "@" + offset, EnergyScenario.row(r.getDouble(4), avg, r.getDouble(6),
                            r.getDouble(7), r.getInt(8), r.getDouble(9)));
                }
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return rows;
    }

    /** energy_daily rows by meter: day, energy, peak W, peak at, coverage. */
    private static Map<String, Object[]> dailyRows(JdbcSettings jdbc) {
        Map<String, Object[]> rows = new TreeMap<>();
        try (Connection c = DatabaseConnections.open(jdbc); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SELECT meter_id, day, energy_wh, peak_power_w, peak_at, coverage FROM energy_daily")) {
            while (r.next()) {
                rows.put(r.getString(1), new Object[] {r.getObject(2).toString(), r.getDouble(3), r.getDouble(4),
                        r.getObject(5, LocalDateTime.class).toInstant(ZoneOffset.UTC), r.getDouble(6)});
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return rows;
    }

    private static boolean daysMatch(JdbcSettings jdbc, Map<String, Day> days, Instant base) {
        Map<String, Object[]> rows = dailyRows(jdbc);
        return days.entrySet().stream().allMatch(d -> rows.containsKey(d.getKey())
                && Math.abs((double) rows.get(d.getKey())[1] - d.getValue().energyWh()) < 1e-9)
                && rows.containsKey("*");
    }

    private static void assertDays(JdbcSettings jdbc, Map<String, Day> days, Instant base) {
        Map<String, Object[]> rows = dailyRows(jdbc);
        for (Map.Entry<String, Day> day : days.entrySet()) {
            Object[] row = rows.get(day.getKey());
            Day want = day.getValue();
            assertThat(row[0]).as(day.getKey()).isEqualTo(base.atZone(ZoneOffset.UTC).toLocalDate().toString());
            assertThat((double) row[1]).as(day.getKey()).isCloseTo(want.energyWh(), within(1e-9));
            assertThat((double) row[2]).as(day.getKey()).isCloseTo(want.peakW(), within(1e-9));
            assertThat(row[3]).as(day.getKey()).isEqualTo(base.plusSeconds(want.peakOffset()));
            assertThat((double) row[4]).as(day.getKey()).isCloseTo(want.integratedSeconds() / 86_400.0, within(1e-12));
        }
    }

    private static Map<String, String> rejected(JdbcSettings jdbc) {
        Map<String, String> reasons = new LinkedHashMap<>();
        try (Connection c = DatabaseConnections.open(jdbc); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SELECT reason, payload FROM rejected_messages")) {
            while (r.next()) {
                reasons.put(new String(r.getBytes(2), StandardCharsets.UTF_8), r.getString(1));
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return reasons;
    }
}

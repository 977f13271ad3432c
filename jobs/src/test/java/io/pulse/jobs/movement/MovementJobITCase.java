package io.pulse.jobs.movement;

import io.pulse.connectors.mqtt.source.MqttSubscriptions;
import io.pulse.jobs.movement.ingest.MacAddress;
import io.pulse.jobs.options.JobOptions;
import io.pulse.jobs.storage.JdbcSettings;
import io.pulse.jobs.storage.SchemaMigrator;
import io.pulse.testservers.Await;
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
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The movement job end to end on real servers — Mosquitto in, MariaDB and VictoriaMetrics (InfluxDB
 * v2 write API) out — over the scripted day of {@link GateDay}: the exact visits, occupancy curves,
 * hourly traffic and anomalies, a bad sighting refused with its MAC masked, and afterwards no raw
 * MAC in any table, time series or log line.
 */
class MovementJobITCase {

    @Order(1)
    @RegisterExtension
    static final CapturedLogs LOGS = new CapturedLogs();

    @Order(2)
    @RegisterExtension
    static final MosquittoServer MQTT = MosquittoServer.create();

    @Order(3)
    @RegisterExtension
    static final MariaDbServer DB = MariaDbServer.create();

    @Order(4)
    @RegisterExtension
    static final VictoriaMetricsServer VM = VictoriaMetricsServer.create();

    @Order(5)
    @RegisterExtension
    static final MiniClusterExtension FLINK = FlinkTestCluster.extension(4);

    static final String BAD = "{\"scanner\":\"main-in\",\"role\":\"sideways\",\"ts\":1,\"mac\":\"A4:5E:60:12:34:56\"}";
    static final String BAD_REASON = "role must be in, out, outer or inner, got 'sideways'";

    @Test
    void aScriptedDayAtALaneAndADualZoneGateGivesExactlyTheExpectedResultsAndNoRawMacAnywhere() throws Exception {
        GateDay day = new GateDay(Instant.parse("2026-03-02T00:00:00Z"));
        JdbcSettings jdbc = JdbcSettings.of(DB.jdbcUrl(), DB.user(), DB.password());
        SchemaMigrator.migrate(jdbc);
        MovementRows rows = new MovementRows(jdbc, day);
        JobOptions options = JobOptions.parse("--mqtt.broker", MQTT.uri(), "--mqtt.spool-dir", MQTT.newSpoolDirectory(), "--jdbc.url", DB.jdbcUrl(),
                "--jdbc.user", DB.user(), "--jdbc.password", DB.password(), "--jdbc.batch-interval", "100",
                "--influx.url", VM.url(), "--influx.org", "campus", "--influx.bucket", "pulse",
                "--movement.hmac-key", GateDay.KEY, "--movement.quiet-hours", GateDay.QUIET_HOURS);
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.setParallelism(2);
        env.enableCheckpointing(300);
        MovementJob.build(env, options);
        JobClient job = env.executeAsync("movement-it");
        Mqtt5BlockingClient client = Mqtt5Client.builder().identifier("movement-it").serverHost(MQTT.host())
                .serverPort(MQTT.port()).buildBlocking();
        client.connect();
        try {
            // Until the source has subscribed, messages may be lost: repeat a bad one until it is stored.
            Await.until(Duration.ofSeconds(30), () -> {
                publish(client, "campus/gates/main/sightings", BAD);
                return rows.query("SELECT reason FROM rejected_messages").contains(BAD_REASON);
            }, () -> "no rejected sighting yet");
            assertThat(MqttSubscriptions.awaitAllSubscribed(Duration.ofSeconds(30))).as(MqttSubscriptions.status().toString()).isTrue();

            for (GateDay.Message m : day.messages()) {
                publish(client, m.topic(), m.payload());
            }

            Instant nextDay = day.nextDay("00:00:00");
            Await.until(Duration.ofSeconds(60), () -> rows.visits().equals(day.visits())
                            && rows.anomalies().equals(day.anomalies()) && rows.traffic(nextDay).equals(day.traffic())
                            && Stream.of("*", "main", "east").allMatch(g -> MovementRows.changes(rows.occupancy(g)).equals(day.curve(g))),
                    () -> "visits " + rows.visits() + " anomalies " + rows.anomalies() + " traffic " + rows.traffic(nextDay)
                            + " campus " + MovementRows.changes(rows.occupancy("*")));

            assertThat(rows.visits()).containsExactlyElementsOf(day.visits());
            assertThat(rows.anomalies()).containsExactlyElementsOf(day.anomalies());
            assertThat(rows.traffic(nextDay)).containsExactlyElementsOf(day.traffic());
            for (String gate : List.of("*", "main", "east")) {
                List<String> occupancy = rows.occupancy(gate);
                assertThat(MovementRows.changes(occupancy)).as("occupancy curve of " + gate).containsExactlyElementsOf(day.curve(gate));
                assertThat(maxGapSeconds(occupancy)).as("seconds between occupancy rows of " + gate).isLessThanOrEqualTo(60);
            }
            assertThat(rows.query("SELECT gate, day, peak_inside, peak_at FROM occupancy_daily_peak WHERE gate = '*' ORDER BY day"))
                    .first().isEqualTo("*|2026-03-02|4|" + day.at("10:00:00"));
            assertThat(rows.query("SELECT day, visitors FROM unique_visitors_daily")).containsExactly("2026-03-02|4");
            assertThat(rows.query("SELECT person_id, entry_gate FROM presence_now")).isEmpty();
            assertThat(rows.query("SELECT person_id, direction, gate FROM recent_activity ORDER BY at DESC LIMIT 1"))
                    .containsExactly("bob|EXIT|main");

            // The bad sighting: refused with its reason, its MAC masked in the stored payload.
            assertThat(rows.query("SELECT payload FROM rejected_messages WHERE reason = '" + BAD_REASON.replace("'", "''") + "'"))
                    .containsExactly(BAD.replace("A4:5E:60:12:34:56", MacAddress.MASK));

            // The time series: the campus occupancy curve and the hourly traffic of a gate.
            List<ExportedSeries> campus = VM.awaitExport("occupancy_inside{gate=\"*\"}",
                    s -> s.size() == 1 && s.get(0).valueAt(day.nextDay("01:30:00").toEpochMilli()) != null, Duration.ofSeconds(30));
            for (String point : day.curve("*")) {
                String[] p = point.split("\\|");
                assertThat(campus.get(0).valueAt(Instant.parse(p[0]).toEpochMilli())).as("occupancy at " + p[0])
                        .isEqualTo(Double.parseDouble(p[1]));
            }
            List<ExportedSeries> entries = VM.awaitExport("gate_traffic_entries{gate=\"main\"}",
                    s -> s.size() == 1 && Double.valueOf(2).equals(s.get(0).valueAt(day.at("10:00:00").toEpochMilli())), Duration.ofSeconds(30));
            assertThat(entries.get(0).valueAt(day.at("08:00:00").toEpochMilli())).isEqualTo(1.0);

            // Privacy: no raw MAC, in any case or separator, in any table, time series or log line.
            List<String> everything = new ArrayList<>(rows.everything());
            VM.export("{__name__=~\".+\"}").forEach(series -> everything.add("series: " + series));
            everything.addAll(LOGS.lines());
            for (Path log : List.of(MQTT.directory(), DB.directory(), VM.directory())) {
                everything.addAll(serverLogs(log));
            }
            assertThat(LOGS.lines()).as("the job's log lines were captured").isNotEmpty();
            for (String spelling : day.rawMacSpellings()) {
                assertThat(everything).as("no line contains " + spelling).noneMatch(line -> line.contains(spelling));
            }
            assertThat(rows.everything()).noneMatch(MacAddress::containsMac);
        } finally {
            client.disconnect();
            job.cancel().get(30, TimeUnit.SECONDS);
        }
    }

    static void publish(Mqtt5BlockingClient client, String topic, String payload) {
        client.publishWith().topic(topic).qos(MqttQos.AT_LEAST_ONCE).payload(payload.getBytes(StandardCharsets.UTF_8)).send();
    }

    private static long maxGapSeconds(List<String> rows) {
        long max = 0;
        for (int i = 1; i < rows.size(); i++) {
            long gap = Duration.between(Instant.parse(rows.get(i - 1).split("\\|")[0]), Instant.parse(rows.get(i).split("\\|")[0])).toSeconds();
            max = Math.max(max, gap);
        }
        return max;
    }

    /** The text files a server wrote into its directory (its log; not binary data files). */
    private static List<String> serverLogs(Path dir) throws Exception {
        List<String> lines = new ArrayList<>();
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path file : files.filter(f -> f.getFileName().toString().endsWith(".log")).toList()) {
                lines.addAll(Files.readAllLines(file, StandardCharsets.ISO_8859_1));
            }
        }
        return lines;
    }
}

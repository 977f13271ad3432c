package io.pulse.firmware;

import io.pulse.jobs.movement.MovementJob;
import io.pulse.jobs.movement.ingest.MacAddress;
import io.pulse.jobs.movement.ingest.Pseudonyms;
import io.pulse.jobs.options.JobOptions;
import io.pulse.jobs.storage.JdbcSettings;
import io.pulse.jobs.storage.SchemaMigrator;
import io.pulse.testservers.Await;
import io.pulse.testservers.FlinkTestCluster;
import io.pulse.testservers.MariaDbServer;
import io.pulse.testservers.MosquittoServer;

import com.hivemq.client.mqtt.MqttGlobalPublishFilter;
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
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Virtual gate scanners (the firmware's core on the host) publish through a real Mosquitto into
 * the real movement job and MariaDB. The same day is played twice: first by scanners that hash
 * MACs on the device (macHash), then, a day later, by scanners that send raw MACs. Both days give
 * the same visits, with the same person ids: the device's pseudonym is the job's.
 */
class GateScannersITCase {

    @RegisterExtension
    static final MosquittoServer MQTT = MosquittoServer.create();

    @RegisterExtension
    static final MariaDbServer DB = MariaDbServer.create();

    @RegisterExtension
    static final MiniClusterExtension FLINK = FlinkTestCluster.extension(2);

    static final String KEY = "gate-it-campus-secret";
    static final Instant DAY = Instant.parse("2026-03-02T00:00:00Z");
    static final String CAMPUS_AP = "00:1a:2b:3c:4d:5e";

    static final Map<String, String> PEOPLE = new LinkedHashMap<>();

    static {
        PEOPLE.put("alice", "a4:5e:60:12:34:56");
        PEOPLE.put("bob", "3c:22:fb:aa:bb:cc");
        PEOPLE.put("carol", "f0:18:98:01:02:03");
        PEOPLE.put("erin", "70:3e:ac:10:20:30");
        PEOPLE.put("dave", "88:66:5a:01:01:01");
        PEOPLE.put("phone-with-private-address", "da:a1:19:00:00:01");
    }

    /** One frame of the day: when, which scanner (lane "in"/"out", zone "outer"/"inner"), whose. */
    record Seen(String time, String scanner, String who, boolean data, String outcome) {}

    static final List<Seen> DAY_SCRIPT = List.of(
            new Seen("08:00:00", "main-in", "alice", false, "queued"),
            new Seen("08:00:05", "main-in", "alice", false, "debounced"), // lingering at the gate
            new Seen("08:00:30", "main-in", "alice", true, "debounced"),
            new Seen("08:01:10", "main-in", "alice", false, "debounced"), // 40 s after the last one
            new Seen("09:00:00", "main-in", "bob", false, "queued"),
            new Seen("10:15:00", "main-in", "carol", true, "queued"),     // never seen leaving
            new Seen("11:00:00", "main-in", "phone-with-private-address", false, "queued"),
            new Seen("12:00:00", "main-out", "alice", false, "queued"),
            new Seen("13:00:00", "east-outer", "erin", false, "queued"),
            new Seen("13:00:08", "east-inner", "erin", false, "queued"),  // outer then inner: ENTRY
            new Seen("17:30:00", "main-out", "bob", true, "queued"),
            new Seen("18:00:00", "east-inner", "erin", false, "queued"),
            new Seen("18:00:05", "east-outer", "erin", false, "queued")); // inner then outer: EXIT

    @Test
    void scannersHashingOnTheDeviceGiveTheSameVisitsAsScannersSendingRawMacs() throws Exception {
        JdbcSettings jdbc = JdbcSettings.of(DB.jdbcUrl(), DB.user(), DB.password());
        SchemaMigrator.migrate(jdbc);
        JobOptions options = JobOptions.parse("--mqtt.broker", MQTT.uri(), "--mqtt.spool-dir", MQTT.newSpoolDirectory(),
                "--jdbc.url", DB.jdbcUrl(), "--jdbc.user", DB.user(), "--jdbc.password", DB.password(),
                "--jdbc.batch-interval", "100", "--movement.hmac-key", KEY);
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.setParallelism(1);
        env.enableCheckpointing(300);
        MovementJob.build(env, options);
        JobClient job = env.executeAsync("firmware-gates-it");

        List<String> published = new CopyOnWriteArrayList<>();
        Mqtt5BlockingClient watcher = Mqtt5Client.builder().identifier("gates-it-watcher").serverHost(MQTT.host())
                .serverPort(MQTT.port()).buildBlocking();
        watcher.toAsync().publishes(MqttGlobalPublishFilter.ALL,
                p -> published.add(new String(p.getPayloadAsBytes(), StandardCharsets.UTF_8)));
        watcher.connect();
        watcher.subscribeWith().topicFilter("campus/gates/+/sightings").qos(MqttQos.AT_LEAST_ONCE).send();

        Map<String, VirtualDevice> hashing = scanners("h", Map.of("PULSE_HMAC_KEY", KEY));
        Map<String, VirtualDevice> raw = scanners("r", Map.of());
        try {
            // Until the job's source has subscribed, messages may be lost: repeat a bad one until it is stored.
            Await.until(Duration.ofSeconds(60), () -> {
                watcher.publishWith().topic("campus/gates/probe/sightings").qos(MqttQos.AT_LEAST_ONCE)
                        .payload("{\"scanner\":\"probe\",\"role\":\"sideways\",\"ts\":1}".getBytes(StandardCharsets.UTF_8)).send();
                return !DbRows.query(jdbc, "SELECT reason FROM rejected_messages").isEmpty();
            }, () -> "no rejected sighting yet");
            int probes = published.size();

            play(hashing, DAY);
            play(raw, DAY.plus(Duration.ofDays(1)));
            // someone at the gate the morning after moves event time on: visits still open close
            see(raw.get("main-in"), DAY.plus(Duration.ofDays(2)).plus(Duration.ofHours(8)), "dave", false, "queued");

            Pseudonyms pseudonyms = new Pseudonyms(KEY);
            List<String> expected = new ArrayList<>(expectedVisits(pseudonyms, DAY));
            expected.addAll(expectedVisits(pseudonyms, DAY.plus(Duration.ofDays(1))));
            String visitsSql = "SELECT person_id, entered_at, exited_at, entry_gate, exit_gate, dwell_seconds, exit_unseen"
                    + " FROM visits WHERE entered_at < '2026-03-04' ORDER BY entered_at";
            Await.until(Duration.ofSeconds(90), () -> DbRows.query(jdbc, visitsSql).equals(expected),
                    () -> "visits " + DbRows.query(jdbc, visitsSql) + "\nexpected " + expected);

            // Day 1 (hashed on the device) and day 2 (raw MACs) are the same visits, one day apart.
            List<String> visits = DbRows.query(jdbc, visitsSql);
            assertThat(visits.subList(4, 8)).containsExactlyElementsOf(
                    visits.subList(0, 4).stream().map(GateScannersITCase::nextDay).toList());
            assertThat(visits).containsExactlyElementsOf(expected);

            // Hourly traffic, randomized phone included, is the same on both days.
            String traffic = "SELECT gate, hour_start, entries, exits, randomized_sightings FROM gate_traffic_hourly"
                    + " WHERE hour_start < '%s' AND hour_start >= '%s' ORDER BY gate, hour_start";
            String day1Sql = String.format(traffic, "2026-03-03", "2026-03-02");
            String day2Sql = String.format(traffic, "2026-03-04", "2026-03-03");
            // the traffic sink commits on its own schedule, so its last hours may land after the visits
            Await.until(Duration.ofSeconds(60), () -> DbRows.query(jdbc, day2Sql).size() == DbRows.query(jdbc, day1Sql).size(),
                    () -> "day 1 traffic " + DbRows.query(jdbc, day1Sql) + "\nday 2 traffic " + DbRows.query(jdbc, day2Sql));
            List<String> day1 = DbRows.query(jdbc, day1Sql);
            List<String> day2 = DbRows.query(jdbc, day2Sql);
            assertThat(day1).hasSize(8).contains("main|2026-03-02T11:00:00Z|0|0|1", "main|2026-03-02T08:00:00Z|1|0|0");
            assertThat(day2).containsExactlyElementsOf(day1.stream().map(GateScannersITCase::nextDay).toList());

            // What went over the network: pseudonyms from the hashing scanners, never a MAC.
            Await.until(Duration.ofSeconds(30), () -> published.size() >= probes + 21,
                    () -> (published.size() - probes) + " of 21 sightings seen by the watcher");
            List<String> sightings = published.subList(probes, published.size());
            List<String> fromHashing = sightings.stream().filter(p -> p.contains("-h\"")).toList();
            List<String> fromRaw = sightings.stream().filter(p -> p.contains("-r\"")).toList();
            assertThat(fromHashing).hasSize(10).allMatch(p -> p.contains("\"macHash\":\"") && !MacAddress.containsMac(p))
                    .allMatch(p -> p.contains("\"randomized\":"));
            assertThat(fromRaw).hasSize(11).allMatch(p -> p.contains("\"mac\":\""));
            assertThat(fromHashing).anyMatch(p -> p.contains("\"randomized\":true") && p.contains("\"ts\":\"2026-03-02T11:00:00.000Z\""));
            // and no raw MAC in any table, although day 2 sent them
            assertThat(DbRows.everything(jdbc)).noneMatch(MacAddress::containsMac);
        } finally {
            hashing.values().forEach(VirtualDevice::close);
            raw.values().forEach(VirtualDevice::close);
            watcher.disconnect();
            job.cancel().get(30, TimeUnit.SECONDS);
        }
    }

    /** The four scanners of one day: a lane gate (main) and a dual-zone gate (east). */
    private static Map<String, VirtualDevice> scanners(String suffix, Map<String, String> secrets) {
        Map<String, VirtualDevice> devices = new LinkedHashMap<>();
        for (String scanner : List.of("main-in", "main-out", "east-outer", "east-inner")) {
            String gate = scanner.substring(0, scanner.indexOf('-'));
            String role = scanner.substring(scanner.indexOf('-') + 1);
            List<String> args = new ArrayList<>(List.of("gate-scanner"));
            args.addAll(VirtualDevice.brokerArgs(MQTT.host(), MQTT.port()));
            args.addAll(List.of("--gate", gate, "--scanner", scanner + "-" + suffix, "--role", role,
                    "--clock", "script", "--reconnect-min-ms", "200", "--reconnect-max-ms", "2000"));
            VirtualDevice device = VirtualDevice.start(scanner + "-" + suffix, args, secrets);
            devices.put(scanner, device);
            device.await(0, l -> l.equals("connected"), Duration.ofSeconds(20));
            // SNTP: midnight of the first day at monotonic 0; frames carry their monotonic receive time
            device.ask("sntp " + DAY.toEpochMilli() + " 0", l -> l.startsWith("clock"), Duration.ofSeconds(5));
        }
        return devices;
    }

    /** Plays the day's frames in time order; each goes out (PUBACK) before the next is seen. */
    private static void play(Map<String, VirtualDevice> scanners, Instant day) {
        for (Seen seen : DAY_SCRIPT) {
            see(scanners.get(seen.scanner()), at(day, seen.time()), seen.who(), seen.data(), seen.outcome());
        }
    }

    /** hh:mm:ss on the day that starts at `day`. */
    private static Instant at(Instant day, String time) {
        return day.plus(Duration.between(LocalTime.MIDNIGHT, LocalTime.parse(time)));
    }

    private static void see(VirtualDevice scanner, Instant at, String who, boolean data, String outcome) {
        String mac = PEOPLE.get(who);
        String frame = data ? Frames.dataToAccessPoint(mac, CAMPUS_AP) : Frames.probeRequest(mac);
        long mono = at.toEpochMilli() - DAY.toEpochMilli();
        assertThat(scanner.ask("frame " + mono + " -60 " + frame, l -> l.startsWith("frame "), Duration.ofSeconds(5)))
                .as(who + " at " + at).isEqualTo("frame " + outcome);
        scanner.ask("drain", l -> l.equals("drained"), Duration.ofSeconds(20));
    }

    private static List<String> expectedVisits(Pseudonyms pseudonyms, Instant day) {
        return List.of(
                visit(pseudonyms, "alice", day, "08:00:00", "12:00:00", "main", 14400),
                visit(pseudonyms, "bob", day, "09:00:00", "17:30:00", "main", 30600),
                visit(pseudonyms, "carol", day, "10:15:00", null, "main", 0),
                visit(pseudonyms, "erin", day, "13:00:08", "18:00:05", "east", 17997));
    }

    private static String visit(Pseudonyms p, String who, Instant day, String in, String out, String gate, int dwell) {
        String person = p.personId(PEOPLE.get(who));
        if (out == null) { // closed after 16 h, exit unseen
            return person + "|" + at(day, in) + "|null|" + gate + "|null|null|true";
        }
        return person + "|" + at(day, in) + "|" + at(day, out) + "|" + gate + "|" + gate + "|" + dwell + "|false";
    }

    /** The row with each time in it one day later. */
    private static String nextDay(String row) {
        StringBuilder sb = new StringBuilder();
        for (String field : row.split("\\|", -1)) {
            if (sb.length() > 0) {
                sb.append('|');
            }
            sb.append(field.matches("\\d{4}-\\d\\d-\\d\\dT.*Z") ? Instant.parse(field).plus(Duration.ofDays(1)).toString() : field);
        }
        return sb.toString();
    }
}

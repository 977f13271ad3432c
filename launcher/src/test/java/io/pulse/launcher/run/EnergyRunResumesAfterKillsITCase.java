package io.pulse.launcher.run;

import io.pulse.jobs.storage.DatabaseConnections;
import io.pulse.jobs.storage.JdbcSettings;
import io.pulse.testservers.Await;
import io.pulse.testservers.MariaDbServer;
import io.pulse.testservers.MosquittoServer;

import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt5.Mqtt5BlockingClient;
import com.hivemq.client.mqtt.mqtt5.Mqtt5Client;
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
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code ./pulse run energy} killed with SIGKILL three times while a meter reports 1200 W every
 * 10 s, each time at another point (after a checkpoint, right after a burst that only the spool
 * holds, in the middle of a checkpoint interval), and started again with the same command: the
 * 5-minute windows are exactly those of an uninterrupted run, 100 Wh each with all 30 samples.
 * A run that lost its state or the spool would store a window with a part of its energy.
 */
class EnergyRunResumesAfterKillsITCase {

    @RegisterExtension
    static final MosquittoServer MQTT = MosquittoServer.create();

    @RegisterExtension
    static final MariaDbServer DB = MariaDbServer.create();

    @TempDir
    Path state;

    /** Windows 0..3 (0..1200 s) are closed by the readings up to 1500 s. */
    private static final int CHECKED_WINDOWS = 4;

    @Test
    void threeKillsAndTheSameCommandGiveTheWindowsOfAnUninterruptedRun() throws Exception {
        String url = DB.createDatabase("energy_kills");
        List<String> command = List.of("energy", "--mqtt.broker", MQTT.uri(), "--jdbc.url", url,
                "--jdbc.user", DB.user(), "--jdbc.password", DB.password(), "--jdbc.batch-interval", "100",
                "--checkpoint.interval", "500", "--parallelism", "1", "--state.dir", state.resolve("energy").toString());
        Instant base = Instant.now().minus(2, ChronoUnit.HOURS).truncatedTo(ChronoUnit.HOURS);
        Mqtt5BlockingClient meter = Mqtt5Client.builder().identifier("kills-meter").serverHost(MQTT.host())
                .serverPort(MQTT.port()).buildBlocking();
        meter.connect();
        try {
            PulseProcess run = PulseProcess.startReceiving(state.resolve("run-1.log"), command);
            publish(meter, base, 0, 400);
            Thread.sleep(2_000); // processed and checkpointed
            run.close();

            run = PulseProcess.startReceiving(state.resolve("run-2.log"), command);
            publish(meter, base, 400, 800);
            run.close(); // at once: the burst is in the spool, perhaps not even acknowledged

            run = PulseProcess.startReceiving(state.resolve("run-3.log"), command);
            publish(meter, base, 800, 1100);
            Thread.sleep(700); // between two checkpoints
            run.close();

            PulseProcess last = PulseProcess.startReceiving(state.resolve("run-4.log"), command);
            try {
                publish(meter, base, 1100, 1510);
                Map<String, String> expected = new TreeMap<>();
                for (int k = 0; k < CHECKED_WINDOWS; k++) {
                    expected.put(String.format("%04d", 300 * k), "100.000000|30|1.000");
                }
                Await.until(Duration.ofSeconds(90), () -> windows(url, base).equals(expected),
                        () -> "energy_5min " + windows(url, base) + ", expected " + expected + "; last run printed:\n" + last.output());
                Thread.sleep(1_000); // a late overwrite would show now
                assertThat(windows(url, base)).as("the windows of an uninterrupted run").isEqualTo(expected);
                System.out.printf("pulse run energy (after three kills) peak resident memory: %d MB%n", last.peakResidentMb());
            } finally {
                last.close();
            }
        } finally {
            meter.disconnect();
        }
    }

    private static void publish(Mqtt5BlockingClient meter, Instant base, int fromSecond, int toSecond) {
        for (int s = fromSecond; s < toSecond; s += 10) {
            String json = "{\"meterId\":\"K1\",\"ts\":" + base.plusSeconds(s).toEpochMilli()
                    + ",\"voltage\":230.0,\"current\":5.217,\"power\":1200.0}";
            meter.publishWith().topic("energy/meters/K1/readings").qos(MqttQos.AT_LEAST_ONCE)
                    .payload(json.getBytes(StandardCharsets.UTF_8)).send();
        }
    }

    /** K1's 5-minute windows before 1200 s, by offset: "energy Wh|samples|coverage". */
    private Map<String, String> windows(String url, Instant base) {
        Map<String, String> rows = new TreeMap<>();
        String sql = "SELECT window_start, energy_wh, samples, coverage FROM energy_5min WHERE meter_id = 'K1'";
        try (Connection c = DatabaseConnections.open(JdbcSettings.of(url, DB.user(), DB.password()));
             Statement s = c.createStatement(); ResultSet r = s.executeQuery(sql)) {
            while (r.next()) {
                long offset = Duration.between(base, r.getObject(1, LocalDateTime.class).toInstant(ZoneOffset.UTC)).toSeconds();
                if (offset < 300L * CHECKED_WINDOWS) {
                    rows.put(String.format("%04d", offset),
                            String.format("%.6f|%d|%.3f", r.getDouble(2), r.getInt(3), r.getDouble(4)));
                }
            }
        } catch (Exception e) {
            rows.put("error", e.toString());
        }
        return rows;
    }
}

package io.pulse.launcher.run;

import io.pulse.jobs.storage.DatabaseConnections;
import io.pulse.jobs.storage.JdbcSettings;
import io.pulse.jobs.telemetry.alerts.Alert;
import io.pulse.jobs.telemetry.rules.AlertType;
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
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code ./pulse run telemetry} as a user runs it, in its own JVM, killed with SIGKILL in the
 * middle of an overheating episode and started again with the same command: the alert that the
 * killed run opened is resolved by the second run, once, as an uninterrupted run would. A run that
 * started from nothing would leave it open forever.
 */
class RunResumesAfterKillITCase {

    @RegisterExtension
    static final MosquittoServer MQTT = MosquittoServer.create();

    @RegisterExtension
    static final MariaDbServer DB = MariaDbServer.create();

    @TempDir
    Path state;

    @Test
    void theSameCommandAfterKillMinus9ResumesFromTheLastCheckpointAndTheSpool() throws Exception {
        String url = DB.createDatabase("resume");
        List<String> command = command(url);
        Instant base = Instant.now().minus(30, ChronoUnit.MINUTES).truncatedTo(ChronoUnit.SECONDS);
        Mqtt5BlockingClient device = Mqtt5Client.builder().identifier("resume-device").serverHost(MQTT.host())
                .serverPort(MQTT.port()).buildBlocking();
        device.connect();
        try {
            Instant opened = base.plusSeconds(5L * 12);
            String id = Alert.id("R1", AlertType.OVERHEAT, opened.toEpochMilli());
            PulseProcess first = PulseProcess.startReceiving(state.resolve("first.log"), command);
            try {
                // Readings every 5 s; above 75 °C for readings 10..15. Event time lags 5 s behind the
                // newest reading, so reading 12 completes the pattern once reading 14 is in.
                publish(device, base, 0, 15);
                Await.until(Duration.ofSeconds(60), () -> alerts(url).contains(id + "|open"),
                        () -> "alerts " + alerts(url) + "; pulse run printed:\n" + first.output());
                Thread.sleep(1_500); // checkpoints every 500 ms now hold the open alert
                publish(device, base, 15, 17); // spooled, perhaps not yet checkpointed
            } finally {
                first.close(); // SIGKILL: no chance to clean up, as in a power loss
            }

            PulseProcess second = PulseProcess.startReceiving(state.resolve("second.log"), command);
            try {
                assertThat(second.output())
                        .contains("resuming the telemetry job from ")
                        .as("the source continues from its checkpointed spool position, not from the spool's start")
                        .contains("continuing from the checkpointed position")
                        .doesNotContain("never checkpointed");
                publish(device, base, 17, 30);
                Instant resolved = base.plusSeconds(5L * 16); // the first reading back below 75 - 2
                String expected = id + "|" + resolved;
                Await.until(Duration.ofSeconds(60), () -> alerts(url).contains(expected),
                        () -> "alerts " + alerts(url) + "; pulse run printed:\n" + second.output());
                Thread.sleep(1_000);
                assertThat(alerts(url)).as("one OVERHEAT, opened by the killed run, resolved by the resumed one")
                        .containsExactly(expected);
                System.out.printf("pulse run (resumed) peak resident memory: %d MB%n", second.peakResidentMb());
            } finally {
                second.close();
            }
        } finally {
            device.disconnect();
        }
    }

    private List<String> command(String url) {
        return List.of("telemetry", "--mqtt.broker", MQTT.uri(), "--jdbc.url", url,
                "--jdbc.user", DB.user(), "--jdbc.password", DB.password(), "--jdbc.batch-interval", "100",
                "--checkpoint.interval", "500", "--parallelism", "1", "--state.dir", state.resolve("telemetry").toString());
    }

    private static void publish(Mqtt5BlockingClient device, Instant base, int from, int to) {
        for (int i = from; i < to; i++) {
            long ts = base.plusSeconds(5L * i).toEpochMilli();
            double temperature = i >= 10 && i <= 15 ? 82.4 : 21.0;
            device.publishWith().topic("devices/R1/telemetry").qos(MqttQos.AT_LEAST_ONCE)
                    .payload(("{\"deviceId\":\"R1\",\"ts\":" + ts + ",\"temperature\":" + temperature + "}").getBytes(StandardCharsets.UTF_8))
                    .send();
        }
    }

    /** R1's alerts other than OFFLINE (a run that is down sees no readings): "id|resolved-or-open". */
    private static List<String> alerts(String url) {
        try {
            return alertRows(url);
        } catch (Exception e) {
            return List.of(e.toString());
        }
    }

    private static List<String> alertRows(String url) throws Exception {
        List<String> rows = new ArrayList<>();
        try (Connection c = DatabaseConnections.open(JdbcSettings.of(url, DB.user(), DB.password()));
             Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SELECT alert_id, resolved_at FROM alerts WHERE device_id = 'R1' AND type <> 'OFFLINE'")) {
            while (r.next()) {
                LocalDateTime resolvedAt = r.getObject(2, LocalDateTime.class);
                rows.add(r.getString(1) + "|" + (resolvedAt == null ? "open" : resolvedAt.toInstant(ZoneOffset.UTC).toString()));
            }
        }
        return rows;
    }
}

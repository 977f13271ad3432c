package io.pulse.launcher.run;

import io.pulse.jobs.hostile.HostileCorpus;
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
 * {@code ./pulse run telemetry} as a user runs it, in its own JVM, killed with SIGKILL at three
 * points (right after a burst only the spool holds, in the middle of an overheating episode,
 * between two checkpoints) and started again with the same command each time; the second run also
 * gets the hostile corpus's telemetry messages and reports its peak resident memory. The alert
 * opened before the second kill is resolved once, as an uninterrupted run would; a run that
 * started from nothing would leave it open forever.
 */
class RunResumesAfterKillITCase {

    @RegisterExtension
    static final MosquittoServer MQTT = MosquittoServer.create();

    @RegisterExtension
    static final MariaDbServer DB = MariaDbServer.create();

    @TempDir
    Path state;

    /** Hostile messages per job in the corpus; the telemetry third is sent to the second run. */
    private static final int HOSTILE = 360;

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
            // Readings every 5 s; above 75 °C for readings 10..15. Event time lags 5 s behind the
            // newest reading, so reading 12 completes the pattern once reading 14 is in.
            PulseProcess run = PulseProcess.startReceiving(state.resolve("run-1.log"), command);
            publish(device, base, 0, 8);
            run.close(); // kill 1, at once: the readings are in the spool, perhaps not even acknowledged

            PulseProcess second = PulseProcess.startReceiving(state.resolve("run-2.log"), command);
            try {
                // The hostile corpus's telemetry messages, between the good readings: refused, never fatal.
                for (HostileCorpus.Message m : HostileCorpus.messages(HOSTILE)) {
                    if (m.job().equals("telemetry")) {
                        device.publishWith().topic(m.topic()).qos(MqttQos.AT_LEAST_ONCE).payload(m.payload()).send();
                    }
                }
                publish(device, base, 8, 15);
                Await.until(Duration.ofSeconds(90), () -> alerts(url).contains(id + "|open"),
                        () -> "alerts " + alerts(url) + "; pulse run printed:\n" + second.output());
                Thread.sleep(1_500); // checkpoints every 500 ms now hold the open alert
                publish(device, base, 15, 17); // spooled, perhaps not yet checkpointed
                System.out.printf("pulse run telemetry peak resident memory under the hostile corpus: %d MB%n",
                        second.peakResidentMb());
            } finally {
                second.close(); // kill 2, in the middle of the overheating episode
            }

            PulseProcess third = PulseProcess.startReceiving(state.resolve("run-3.log"), command);
            assertThat(third.output())
                    .contains("resuming the telemetry job from ")
                    .as("the source continues from its checkpointed spool position, not from the spool's start")
                    .contains("continuing from the checkpointed position")
                    .doesNotContain("never checkpointed");
            publish(device, base, 17, 22);
            Thread.sleep(700); // between two checkpoints
            third.close(); // kill 3

            PulseProcess last = PulseProcess.startReceiving(state.resolve("run-4.log"), command);
            try {
                publish(device, base, 22, 30);
                Instant resolved = base.plusSeconds(5L * 16); // the first reading back below 75 - 2
                String expected = id + "|" + resolved;
                Await.until(Duration.ofSeconds(60), () -> alerts(url).contains(expected),
                        () -> "alerts " + alerts(url) + "; pulse run printed:\n" + last.output());
                Thread.sleep(1_000);
                assertThat(alerts(url)).as("one OVERHEAT, opened before the second kill, resolved once after it")
                        .containsExactly(expected);
            } finally {
                last.close();
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

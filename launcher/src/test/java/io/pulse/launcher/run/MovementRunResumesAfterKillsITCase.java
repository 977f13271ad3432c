package io.pulse.launcher.run;

import io.pulse.jobs.movement.GateDay;
import io.pulse.jobs.movement.MovementRows;
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
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code ./pulse run movement} over the scripted gate day ({@link GateDay}), killed with SIGKILL at
 * three points (after a checkpoint, right after a burst only the spool holds, between two
 * checkpoints) and started again with the same command each time: visits, anomalies, traffic and
 * occupancy are exactly those of an uninterrupted run. A run that lost its state would pair exits
 * with nobody: false orphan exits and missing visits.
 */
class MovementRunResumesAfterKillsITCase {

    @RegisterExtension
    static final MosquittoServer MQTT = MosquittoServer.create();

    @RegisterExtension
    static final MariaDbServer DB = MariaDbServer.create();

    @TempDir
    Path state;

    @Test
    void threeKillsAndTheSameCommandGiveTheResultsOfAnUninterruptedRun() throws Exception {
        String url = DB.createDatabase("movement_kills");
        GateDay day = new GateDay(Instant.parse("2026-03-02T00:00:00Z"));
        MovementRows rows = new MovementRows(JdbcSettings.of(url, DB.user(), DB.password()), day);
        List<String> command = List.of("movement", "--mqtt.broker", MQTT.uri(), "--jdbc.url", url,
                "--jdbc.user", DB.user(), "--jdbc.password", DB.password(), "--jdbc.batch-interval", "100",
                "--checkpoint.interval", "500", "--parallelism", "1", "--state.dir", state.resolve("movement").toString(),
                "--movement.hmac-key", GateDay.KEY, "--movement.quiet-hours", GateDay.QUIET_HOURS);
        List<GateDay.Message> messages = day.messages();
        int quarter = messages.size() / 4;
        Mqtt5BlockingClient scanners = Mqtt5Client.builder().identifier("kills-scanners").serverHost(MQTT.host())
                .serverPort(MQTT.port()).buildBlocking();
        scanners.connect();
        try {
            PulseProcess run = PulseProcess.startReceiving(state.resolve("run-1.log"), command);
            publish(scanners, messages.subList(0, quarter));
            Thread.sleep(2_000); // processed and checkpointed
            run.close();

            run = PulseProcess.startReceiving(state.resolve("run-2.log"), command);
            publish(scanners, messages.subList(quarter, 2 * quarter));
            run.close(); // at once: the burst is in the spool, perhaps not even acknowledged

            run = PulseProcess.startReceiving(state.resolve("run-3.log"), command);
            publish(scanners, messages.subList(2 * quarter, 3 * quarter));
            Thread.sleep(700); // between two checkpoints
            run.close();

            PulseProcess last = PulseProcess.startReceiving(state.resolve("run-4.log"), command);
            try {
                publish(scanners, messages.subList(3 * quarter, messages.size()));
                Instant nextDay = day.nextDay("00:00:00");
                Await.until(Duration.ofSeconds(90), () -> rows.visits().equals(day.visits())
                                && rows.anomalies().equals(day.anomalies()) && rows.traffic(nextDay).equals(day.traffic())
                                && Stream.of("*", "main", "east").allMatch(g -> MovementRows.changes(rows.occupancy(g)).equals(day.curve(g))),
                        () -> "visits " + rows.visits() + " anomalies " + rows.anomalies() + " traffic " + rows.traffic(nextDay)
                                + "; last run printed:\n" + last.output());
                Thread.sleep(1_000); // a late extra row would show now
                assertThat(rows.visits()).containsExactlyElementsOf(day.visits());
                assertThat(rows.anomalies()).as("no false orphan exit").containsExactlyElementsOf(day.anomalies());
                assertThat(rows.traffic(nextDay)).containsExactlyElementsOf(day.traffic());
                System.out.printf("pulse run movement (after three kills) peak resident memory: %d MB%n", last.peakResidentMb());
            } finally {
                last.close();
            }
        } finally {
            scanners.disconnect();
        }
    }

    private static void publish(Mqtt5BlockingClient scanners, List<GateDay.Message> messages) {
        for (GateDay.Message m : messages) {
            scanners.publishWith().topic(m.topic()).qos(MqttQos.AT_LEAST_ONCE)
                    .payload(m.payload().getBytes(StandardCharsets.UTF_8)).send();
        }
    }
}

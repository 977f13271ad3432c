package io.pulse.jobs.movement;

import io.pulse.connectors.mqtt.source.MqttSubscriptions;
import io.pulse.jobs.movement.ingest.Sighting;
import io.pulse.jobs.options.JobOptions;
import io.pulse.jobs.storage.JdbcSettings;
import io.pulse.jobs.storage.SchemaMigrator;
import io.pulse.testservers.Await;
import io.pulse.testservers.FailOnce;
import io.pulse.testservers.FlinkTestCluster;
import io.pulse.testservers.MariaDbServer;
import io.pulse.testservers.MosquittoServer;

import com.hivemq.client.mqtt.mqtt5.Mqtt5BlockingClient;
import com.hivemq.client.mqtt.mqtt5.Mqtt5Client;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The scripted day with the job failing mid-day (after the morning was processed and
 * checkpointed): Flink restores the last checkpoint, the broker redelivers what was not
 * acknowledged, and the results are those of a run without failure, none duplicated.
 */
class MovementFailureITCase {

    @RegisterExtension
    static final MosquittoServer MQTT = MosquittoServer.create();

    @RegisterExtension
    static final MariaDbServer DB = MariaDbServer.create();

    @RegisterExtension
    static final MiniClusterExtension FLINK = FlinkTestCluster.extension(4);

    @Test
    void aFailureMidDayGivesTheSameVisitsTrafficAndCurvesOnce() throws Exception {
        GateDay day = new GateDay(Instant.parse("2026-03-09T00:00:00Z"));
        JdbcSettings jdbc = JdbcSettings.of(DB.jdbcUrl(), DB.user(), DB.password());
        SchemaMigrator.migrate(jdbc);
        MovementRows rows = new MovementRows(jdbc, day);
        JobOptions options = JobOptions.parse("--mqtt.broker", MQTT.uri(), "--mqtt.spool-dir", MQTT.newSpoolDirectory(), "--jdbc.url", DB.jdbcUrl(),
                "--jdbc.user", DB.user(), "--jdbc.password", DB.password(), "--jdbc.batch-interval", "100",
                "--movement.hmac-key", GateDay.KEY, "--movement.quiet-hours", GateDay.QUIET_HOURS);
        List<GateDay.Message> messages = day.messages();
        long morning = messages.stream().filter(m -> m.ts() <= day.at("10:00:00").toEpochMilli()).count();

        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.setParallelism(1);
        env.enableCheckpointing(300);
        // fails on the first sighting after the morning, in the job's first attempt
        MovementJob.build(env, options, Map.of(), sightings -> sightings.map(new FailOnce<Sighting>(morning + 1))
                .returns(TypeInformation.of(Sighting.class)).name("injected failure"));
        JobClient job = env.executeAsync("movement-failure-it");
        Mqtt5BlockingClient client = Mqtt5Client.builder().identifier("movement-failure-it").serverHost(MQTT.host())
                .serverPort(MQTT.port()).buildBlocking();
        client.connect();
        try {
            Await.until(Duration.ofSeconds(30), () -> {
                MovementJobITCase.publish(client, "campus/gates/main/sightings", MovementJobITCase.BAD);
                return rows.query("SELECT reason FROM rejected_messages").contains(MovementJobITCase.BAD_REASON);
            }, () -> "no rejected sighting yet");
            assertThat(MqttSubscriptions.awaitAllSubscribed(Duration.ofSeconds(30))).as(MqttSubscriptions.status().toString()).isTrue();

            messages.subList(0, (int) morning).forEach(m -> MovementJobITCase.publish(client, m.topic(), m.payload()));
            // processed up to the watermark (30 s behind 10:00): alice, bob and eve are inside
            Await.until(Duration.ofSeconds(30), () -> rows.query("SELECT COUNT(*) FROM visits").equals(List.of("3")),
                    () -> "visits " + rows.visits());
            Thread.sleep(1_500); // several checkpoints (every 300 ms) hold the morning now
            assertThat(FailOnce.FAILED).as("no failure before the afternoon").isFalse();

            messages.subList((int) morning, messages.size()).forEach(m -> MovementJobITCase.publish(client, m.topic(), m.payload()));

            Instant nextDay = day.nextDay("00:00:00");
            Await.until(Duration.ofSeconds(90), () -> rows.visits().equals(day.visits())
                            && rows.anomalies().equals(day.anomalies()) && rows.traffic(nextDay).equals(day.traffic())
                            && Stream.of("*", "main", "east").allMatch(g -> MovementRows.changes(rows.occupancy(g)).equals(day.curve(g))),
                    () -> "failed=" + FailOnce.FAILED.get() + " visits " + rows.visits() + " anomalies " + rows.anomalies()
                            + " traffic " + rows.traffic(nextDay) + " campus " + MovementRows.changes(rows.occupancy("*"))
                            + " rejected " + rows.query("SELECT reason, payload FROM rejected_messages"));

            assertThat(FailOnce.FAILED).as("the injected failure happened").isTrue();
            assertThat(rows.visits()).containsExactlyElementsOf(day.visits());
            assertThat(rows.query("SELECT COUNT(*) FROM visits")).containsExactly("4");
            assertThat(rows.anomalies()).containsExactlyElementsOf(day.anomalies());
            assertThat(rows.traffic(nextDay)).containsExactlyElementsOf(day.traffic());
            assertThat(rows.query("SELECT COUNT(*) FROM movement_events")).as("direction events").containsExactly("9");
            for (String gate : List.of("*", "main", "east")) {
                assertThat(MovementRows.changes(rows.occupancy(gate))).as("occupancy curve of " + gate)
                        .containsExactlyElementsOf(day.curve(gate));
            }
        } finally {
            client.disconnect();
            job.cancel().get(30, TimeUnit.SECONDS);
        }
    }
}

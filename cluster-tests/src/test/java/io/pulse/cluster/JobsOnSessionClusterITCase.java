package io.pulse.cluster;

import io.pulse.jobs.energy.EnergyScenario;
import io.pulse.jobs.movement.GateDay;
import io.pulse.jobs.movement.MovementRows;
import io.pulse.jobs.storage.JdbcSettings;
import io.pulse.testservers.Await;
import io.pulse.testservers.FreePorts;
import io.pulse.testservers.MariaDbServer;
import io.pulse.testservers.MosquittoServer;
import io.pulse.testservers.flink.FlinkRestClient;
import io.pulse.testservers.flink.FlinkSessionCluster;

import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The three jobs submitted over REST (what the Web UI does) into one standalone session cluster,
 * one after the other on the same JobManager and TaskManager, each giving its scripted results;
 * then bad submissions, which fail with their one-line reason while the cluster and its jobs run on;
 * once all ended, nothing of them is left in the JobManager and the TaskManager.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class JobsOnSessionClusterITCase {

    @RegisterExtension
    @Order(1)
    static final MosquittoServer MQTT = MosquittoServer.create();

    @RegisterExtension
    @Order(2)
    static final MariaDbServer DB = MariaDbServer.create();

    @RegisterExtension
    @Order(3)
    static final FlinkSessionCluster FLINK = FlinkSessionCluster.create();

    private static final Duration RESULTS = Duration.ofSeconds(240);
    private static final String BAD_SIGHTING = "{\"scanner\":\"main-in\",\"role\":\"sideways\",\"ts\":1,\"mac\":\"A4:5E:60:12:34:56\"}";
    private static final String BAD_SIGHTING_REASON = "role must be in, out, outer or inner, got 'sideways'";

    private static PulseSubmitter submitter;
    private static String telemetryUrl;
    private static JdbcSettings telemetryDb;
    private static List<String> running;

    @Test
    @Order(1)
    void theThreeJobsSubmittedOverRestOneAfterTheOtherEachGiveTheirScriptedResults() throws Exception {
        submitter = new PulseSubmitter(FLINK, MQTT, DB);
        String energyUrl = DB.createDatabase("energy");
        telemetryUrl = DB.createDatabase("telemetry");
        String movementUrl = DB.createDatabase("movement");
        JdbcSettings energyDb = JdbcSettings.of(energyUrl, DB.user(), DB.password());
        telemetryDb = JdbcSettings.of(telemetryUrl, DB.user(), DB.password());
        JdbcSettings movementDb = JdbcSettings.of(movementUrl, DB.user(), DB.password());

        // Three REST submissions on one JobManager, whose TaskManager already runs the first job:
        // the second and third are what used to fail with "No suitable driver".
        String energy = submitter.submit(submitter.args("energy", energyUrl), null);
        String telemetry = submitter.submit(submitter.args("telemetry", telemetryUrl), null);
        String movement = submitter.submit(submitter.args("movement", movementUrl,
                "--movement.hmac-key", GateDay.KEY, "--movement.quiet-hours", GateDay.QUIET_HOURS), null);
        running = List.of(energy, telemetry, movement);
        assertThat(FLINK.rest().jobs()).as("the three jobs on one cluster")
                .filteredOn(j -> running.contains(j.id())).hasSize(3);

        try (MqttPublisher device = new MqttPublisher(MQTT, "cluster-jobs-it")) {
            EnergyRows.awaitSubscribed(device, energyDb, "Ebad");
            TelemetryRows.awaitSubscribed(device, telemetryDb);
            MovementRows rows = new MovementRows(movementDb, new GateDay(Instant.parse("2026-03-02T00:00:00Z")));
            Await.until(RESULTS, () -> {
                device.publish("campus/gates/main/sightings", BAD_SIGHTING);
                return rows.query("SELECT reason FROM rejected_messages").contains(BAD_SIGHTING_REASON);
            }, () -> "the movement job did not subscribe");

            Instant energyBase = EnergyRows.base(Instant.now().minus(90, ChronoUnit.MINUTES));
            EnergyRows.publish(device, EnergyScenario.readings("E"), energyBase);
            Instant telemetryBase = Instant.now().minus(10, ChronoUnit.MINUTES).truncatedTo(ChronoUnit.SECONDS);
            TelemetryRows.publish(device, telemetryBase, 0, 30);
            GateDay day = new GateDay(Instant.parse("2026-03-02T00:00:00Z"));
            for (GateDay.Message m : day.messages()) {
                device.publish(m.topic(), m.payload());
            }

            Map<String, String> windows = EnergyScenario.windows("E");
            Await.until(RESULTS, () -> EnergyRows.windows(energyDb, "E", energyBase).equals(windows),
                    () -> "energy_5min " + EnergyRows.windows(energyDb, "E", energyBase) + "\n" + FLINK.logTails());
            String overheat = TelemetryRows.overheat(telemetryBase);
            Await.until(RESULTS, () -> TelemetryRows.alerts(telemetryDb).contains(overheat),
                    () -> "alerts " + TelemetryRows.alerts(telemetryDb));
            Instant nextDay = day.nextDay("00:00:00");
            Await.until(RESULTS, () -> rows.visits().equals(day.visits()) && rows.anomalies().equals(day.anomalies())
                            && rows.traffic(nextDay).equals(day.traffic())
                            && Stream.of("*", "main", "east").allMatch(g -> MovementRows.changes(rows.occupancy(g)).equals(day.curve(g))),
                    () -> "visits " + rows.visits() + " anomalies " + rows.anomalies() + " traffic " + rows.traffic(nextDay));

            assertThat(EnergyRows.windows(energyDb, "E", energyBase)).isEqualTo(windows);
            assertThat(Sql.rows(energyDb, "SELECT reason FROM rejected_messages")).as("nothing but the probe refused")
                    .containsOnly(EnergyRows.PROBE_REASON);
            assertThat(TelemetryRows.alerts(telemetryDb)).filteredOn(r -> !r.contains("|OFFLINE|"))
                    .as("one OVERHEAT of R1, nothing else but OFFLINE").containsExactly(overheat);
            assertThat(rows.visits()).containsExactlyElementsOf(day.visits());
            assertThat(rows.anomalies()).containsExactlyElementsOf(day.anomalies());
            assertThat(rows.traffic(nextDay)).containsExactlyElementsOf(day.traffic());
            assertThat(Sql.rows(telemetryDb, "SELECT device_id FROM devices ORDER BY device_id"))
                    .as("the device registry, written by the second job on the TaskManager").containsExactly("C1", "R1");
        }
        for (String job : running) {
            assertThat(FLINK.rest().state(job)).isEqualTo("RUNNING");
        }
    }

    @Test
    @Order(2)
    void badSubmissionsFailWithTheirOneLineReasonAndTheJobManagerAndItsJobsRunOn() throws Exception {
        assertThat(running).as("the jobs of the first test run").isNotNull();
        String otherUrl = DB.createDatabase("not_used");

        assertThatThrownBy(() -> submitter.submit(submitter.args("movement", otherUrl), null))
                .isInstanceOf(FlinkRestClient.RestError.class)
                .hasMessageContaining("pulse: --movement.hmac-key is required for the movement job");
        String unreachable = "jdbc:mysql://127.0.0.1:" + FreePorts.find() + "/pulse";
        assertThatThrownBy(() -> submitter.submit(submitter.args("energy", unreachable), null))
                .isInstanceOf(FlinkRestClient.RestError.class)
                .hasMessageContaining("pulse: cannot connect to MySQL at " + unreachable + " as pulse: Connection refused");
        assertThatThrownBy(() -> submitter.submit(List.of("telemetry", "--mqtt.broker", MQTT.uri()), null))
                .isInstanceOf(FlinkRestClient.RestError.class)
                .hasMessageContaining("pulse: --jdbc.url is required");

        assertThat(FLINK.jobManagerAlive()).as("the JobManager survived three failed main()s").isTrue();
        for (String job : running) {
            assertThat(FLINK.rest().state(job)).as(job).isEqualTo("RUNNING");
        }
        // ... and they still work: a new reading of the telemetry job is processed.
        int before = Sql.rows(telemetryDb, "SELECT reason FROM rejected_messages").size();
        try (MqttPublisher device = new MqttPublisher(MQTT, "cluster-bad-it")) {
            // a new payload: the same one again would be the same row (rejects are stored idempotently)
            device.publish("devices/B1/telemetry", "{\"deviceId\":\"B1\",\"ts\":2,\"temperature\":\"still hot\"}");
            Await.until(RESULTS, () -> Sql.rows(telemetryDb, "SELECT reason FROM rejected_messages").size() > before,
                    () -> "the running telemetry job stored nothing new");
        }
        // A good submission after the bad ones: the telemetry job again, on the same JobManager
        // and TaskManager (one instance per job and broker: its MQTT session has a fixed client id).
        String telemetry = running.get(1);
        FLINK.rest().cancel(telemetry);
        Await.until(RESULTS, () -> FLINK.rest().state(telemetry).equals("CANCELED"), () -> FLINK.rest().state(telemetry));
        String again = submitter.submit(submitter.args("telemetry", telemetryUrl), null);
        int stored = Sql.rows(telemetryDb, "SELECT reason FROM rejected_messages").size();
        try (MqttPublisher device = new MqttPublisher(MQTT, "cluster-again-it")) {
            Await.until(RESULTS, () -> {
                device.publish("devices/B1/telemetry", "{\"deviceId\":\"B1\",\"ts\":3,\"temperature\":\"hot again\"}");
                return Sql.rows(telemetryDb, "SELECT reason FROM rejected_messages").size() > stored;
            }, () -> "the resubmitted telemetry job stored nothing\n" + FLINK.logTails());
        }
        FLINK.rest().cancel(again); // the class's last job
    }

    @Test
    @Order(3)
    void onceItsJobsEndedNoJvmOfTheClusterRunsAThreadOfTheirLibrariesOrHoldsTheirClassLoaders() throws Exception {
        assertThat(running).as("the jobs of the first test ran").isNotNull();
        for (FlinkRestClient.Job job : FLINK.rest().jobs()) {
            if (!List.of("CANCELED", "FINISHED", "FAILED").contains(job.state())) {
                FLINK.rest().cancel(job.id());
            }
        }
        Await.until(RESULTS, () -> FLINK.rest().jobs().stream().allMatch(j -> List.of("CANCELED", "FINISHED", "FAILED").contains(j.state())),
                () -> "jobs " + FLINK.rest().jobs());
        assertThat(FLINK.rest().jobs()).as("the jobs this class submitted").hasSizeGreaterThanOrEqualTo(4);
        assertThat(ClusterLeftovers.awaitNone(FLINK))
                .as("library threads and user-code class loaders the ended jobs left in the JobManager and TaskManager").isEmpty();
    }
}

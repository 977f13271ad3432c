package io.pulse.cluster;

import io.pulse.jobs.energy.EnergyScenario;
import io.pulse.jobs.energy.EnergyScenario.Publish;
import io.pulse.jobs.storage.JdbcSettings;
import io.pulse.testservers.Await;
import io.pulse.testservers.MariaDbServer;
import io.pulse.testservers.MosquittoServer;
import io.pulse.testservers.flink.FlinkSessionCluster;

import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The energy job on a session cluster through what operations do to it: its TaskManager killed
 * with SIGKILL mid-stream and a new one started; stopped with a savepoint and resubmitted from it,
 * over REST and with Flink's CLI, while meters kept publishing. Every time the rows are exactly
 * those of an uninterrupted run ({@link EnergyScenario}): a reading lost or counted twice would
 * change a window's energy, samples or coverage. The cluster keeps state in RocksDB with
 * incremental checkpoints, as the README recommends for large deployments. Once all jobs ended,
 * nothing of them is left in the JobManager and the new TaskManager.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FailoverAndUpgradeITCase {

    @RegisterExtension
    @Order(1)
    static final MosquittoServer MQTT = MosquittoServer.create();

    @RegisterExtension
    @Order(2)
    static final MariaDbServer DB = MariaDbServer.create();

    @RegisterExtension
    @Order(3)
    static final FlinkSessionCluster FLINK = FlinkSessionCluster.create()
            .withSetting("state.backend.type", "rocksdb")
            .withSetting("execution.checkpointing.incremental", "true");

    private static final Duration WAIT = Duration.ofSeconds(180);
    private static final Pattern SUBMITTED = Pattern.compile("submitted \\(detached\\) as ([0-9a-f]{32})");

    @Test
    @Order(1)
    void killMinus9OfTheTaskManagerMidStreamThenANewOneGivesExactlyTheRowsOfACleanRun() throws Exception {
        PulseSubmitter submitter = new PulseSubmitter(FLINK, MQTT, DB);
        String url = DB.createDatabase("energy_kill");
        JdbcSettings jdbc = JdbcSettings.of(url, DB.user(), DB.password());
        Instant base = EnergyRows.base(Instant.now().minus(90, ChronoUnit.MINUTES));
        List<Publish> readings = EnergyScenario.readings("K");
        int half = readings.size() / 2;
        int threeQuarters = readings.size() * 3 / 4;

        String job = submitter.submit(submitter.args("energy", url), null);
        try (MqttPublisher meters = new MqttPublisher(MQTT, "cluster-kill-it")) {
            EnergyRows.awaitSubscribed(meters, jdbc, "Kbad");
            publishSlowly(meters, readings.subList(0, half), base);
            Await.until(WAIT, () -> EnergyRows.windows(jdbc, "K", base).containsKey("K1@0"),
                    () -> "energy_5min " + EnergyRows.windows(jdbc, "K", base));
            long checkpoints = FLINK.rest().completedCheckpoints(job);
            Await.until(WAIT, () -> FLINK.rest().completedCheckpoints(job) > checkpoints + 1, () -> "no new checkpoint");

            List<Long> killed = FLINK.taskManagerPids();
            FLINK.killTaskManager();
            // the meters go on while no TaskManager runs: the broker queues for the job's session
            EnergyRows.publish(meters, readings.subList(half, threeQuarters), base);
            FLINK.startTaskManager();
            assertThat(FLINK.taskManagerPids()).as("a new TaskManager JVM").doesNotContainAnyElementsOf(killed).hasSize(1);
            Await.until(WAIT, () -> FLINK.rest().allTasksRunning(job), () -> "job " + FLINK.rest().state(job) + "\n" + FLINK.logTails());
            EnergyRows.publish(meters, readings.subList(threeQuarters, readings.size()), base);

            Map<String, String> want = EnergyScenario.windows("K");
            Await.until(WAIT, () -> EnergyRows.windows(jdbc, "K", base).equals(want),
                    () -> "energy_5min " + EnergyRows.windows(jdbc, "K", base) + "\nrejected "
                            + Sql.rows(jdbc, "SELECT reason FROM rejected_messages"));
            Thread.sleep(2_000); // anything late or twice would show now
            assertThat(EnergyRows.windows(jdbc, "K", base)).isEqualTo(want);
            assertThat(Sql.rows(jdbc, "SELECT reason FROM rejected_messages")).as("nothing late after the restore")
                    .containsOnly(EnergyRows.PROBE_REASON);
            assertThat(FLINK.log("jobmanager.log")).as("the job was restored from a checkpoint").contains("Restoring job " + job);
            assertThat(FLINK.log("taskmanager-2.log")).as("state in RocksDB").contains("EmbeddedRocksDBStateBackendFactory");
        } finally {
            FLINK.rest().cancel(job);
        }
    }

    @Test
    @Order(2)
    void stopWithSavepointThenResubmittedOverRestAndWithTheCliProcessesWhatWasPublishedMeanwhileOnce() throws Exception {
        PulseSubmitter submitter = new PulseSubmitter(FLINK, MQTT, DB);
        String url = DB.createDatabase("energy_upgrade");
        JdbcSettings jdbc = JdbcSettings.of(url, DB.user(), DB.password());
        Instant base = EnergyRows.base(Instant.now().minus(60, ChronoUnit.MINUTES));
        List<Publish> readings = EnergyScenario.readings("S");
        int third = readings.size() / 3;
        String savepoints = FLINK.newFolder("savepoints-").toUri().toString();

        String first = submitter.submit(submitter.args("energy", url), null);
        String cliJob = null;
        try (MqttPublisher meters = new MqttPublisher(MQTT, "cluster-upgrade-it")) {
            EnergyRows.awaitSubscribed(meters, jdbc, "Sbad");
            publishSlowly(meters, readings.subList(0, third), base);
            Await.until(WAIT, () -> EnergyRows.windows(jdbc, "S", base).containsKey("S1@0"),
                    () -> "energy_5min " + EnergyRows.windows(jdbc, "S", base));

            String savepoint1 = FLINK.rest().stopWithSavepoint(first, savepoints);
            assertThat(FLINK.rest().state(first)).isEqualTo("FINISHED");
            // published while no job runs: queued by the broker for the job's persistent session
            EnergyRows.publish(meters, readings.subList(third, 2 * third), base);

            String second = submitter.submit(submitter.args("energy", url), savepoint1);
            Await.until(WAIT, () -> FLINK.rest().allTasksRunning(second), () -> "job " + FLINK.rest().state(second));
            Await.until(WAIT, () -> EnergyRows.windows(jdbc, "S", base).containsKey("S1@300"),
                    () -> "the queued readings were not processed: " + EnergyRows.windows(jdbc, "S", base));
            String savepoint2 = FLINK.rest().stopWithSavepoint(second, savepoints);
            EnergyRows.publish(meters, readings.subList(2 * third, readings.size()), base);

            // flink run -s <savepoint> -d, as from a distribution's bin/flink with its conf
            List<String> cli = new ArrayList<>(List.of("run", "-s", savepoint2, "-d", "-c", PulseSubmitter.MAIN,
                    PulseSubmitter.jobsJar().toAbsolutePath().toString()));
            cli.addAll(submitter.args("energy", url));
            FlinkSessionCluster.CliResult run = FLINK.cli(cli);
            assertThat(run.exitCode()).as(run.output()).isZero();
            Matcher id = SUBMITTED.matcher(run.output());
            assertThat(id.find()).as(run.output()).isTrue();
            cliJob = id.group(1);

            Map<String, String> want = EnergyScenario.windows("S");
            Await.until(WAIT, () -> EnergyRows.windows(jdbc, "S", base).equals(want),
                    () -> "energy_5min " + EnergyRows.windows(jdbc, "S", base) + "\nrejected "
                            + Sql.rows(jdbc, "SELECT reason FROM rejected_messages"));
            Thread.sleep(2_000);
            assertThat(EnergyRows.windows(jdbc, "S", base)).isEqualTo(want);
            assertThat(Sql.rows(jdbc, "SELECT reason FROM rejected_messages")).as("nothing late, nothing refused but the probe")
                    .containsOnly(EnergyRows.PROBE_REASON);
            assertThat(FLINK.rest().state(cliJob)).isEqualTo("RUNNING");
        } finally {
            if (cliJob != null) {
                FLINK.rest().cancel(cliJob);
            }
        }
    }

    @Test
    @Order(3)
    void onceTheJobsEndedNoJvmOfTheClusterRunsAThreadOfTheirLibrariesOrHoldsTheirClassLoaders() throws Exception {
        List<String> ended = List.of("CANCELED", "FINISHED", "FAILED");
        Await.until(WAIT, () -> FLINK.rest().jobs().stream().allMatch(j -> ended.contains(j.state())), () -> "jobs " + FLINK.rest().jobs());
        assertThat(FLINK.rest().jobs()).as("the jobs this class submitted").hasSizeGreaterThanOrEqualTo(4);
        assertThat(ClusterLeftovers.awaitNone(FLINK))
                .as("library threads and user-code class loaders the ended jobs left in the JobManager and TaskManager").isEmpty();
    }

    /** In chunks, so that checkpoints complete in between: some readings are in state, some not yet. */
    private static void publishSlowly(MqttPublisher meters, List<Publish> readings, Instant base) throws InterruptedException {
        for (int i = 0; i < readings.size(); i += 20) {
            EnergyRows.publish(meters, readings.subList(i, Math.min(i + 20, readings.size())), base);
            Thread.sleep(100);
        }
    }
}

package io.pulse.grafana;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The pipeline health dashboard, looked at right after the run: the refused input the jobs
 * really wrote (the three subscription probes and one late reading per job), and the
 * pipeline_health rows the jobs wrote as they ran.
 */
@ExtendWith(PulseData.class)
class PipelinePanelsITCase {

    private static DashboardRunner board;

    @BeforeAll
    static void open() {
        board = DashboardRunner.at("pulse-pipeline", PulseData.run().finishedAt(), PulseData.run());
    }

    @Test
    void lateAndInvalidInputPerJob() {
        assertThat(board.sql("Late readings").singleNumber("late")).isEqualTo(3);
        assertThat(board.sql("Invalid messages").singleNumber("invalid")).isEqualTo(3);
        assertThat(board.sql("Refused messages per minute").values("metric")).contains(
                "telemetry: late", "telemetry: invalid", "movement: late", "movement: invalid", "energy: late", "energy: invalid");
    }

    @Test
    void refusedByTopicAndReason() {
        QueryResult refused = board.sql("Refused by topic and reason");
        assertThat(refused.rows()).hasSize(6);
        assertThat(Rows.row(refused, "topic", "energy/meters/probe/readings"))
                .containsEntry("reason", "power must be a number, got string").containsEntry("job", "energy");
        assertThat(Rows.row(refused, "topic", "devices/workshop-04/telemetry")).containsEntry("reason", "late");
        assertThat(Rows.row(refused, "topic", "energy/meters/M3/readings")).containsEntry("reason", "late");
        assertThat(Rows.maps(refused)).anyMatch(r -> "movement".equals(r.get("job")) && ((String) r.get("reason")).startsWith("late"));
    }

    @Test
    void duplicatesThroughputAndCheckpointAge() {
        assertThat(board.sql("Duplicates dropped").singleNumber("duplicates")).as("pump-02's repeated reading").isEqualTo(1);
        QueryResult jobs = board.sql("Jobs now");
        assertThat(jobs.values("job")).containsExactly("energy", "movement", "telemetry");
        for (Map<String, Object> job : Rows.maps(jobs)) {
            // Checkpoints every 500 ms, and a report at each: both a few seconds old at most when the jobs stop.
            assertThat(Rows.number(job.get("checkpoint_age"))).as("checkpoint age of %s", job).isBetween(0.0, 10.0);
            assertThat(Rows.number(job.get("last_report_age"))).as("report age of %s", job).isBetween(0.0, 10.0);
        }
        QueryResult throughput = board.sql("Throughput per job");
        double telemetryRecords = Rows.maps(throughput).stream().filter(r -> "telemetry".equals(r.get("metric")))
                .mapToDouble(r -> Rows.number(r.get("per_second")) * 60).sum();
        assertThat(telemetryRecords).as("accepted = sent - late - repeat")
                .isCloseTo(ScriptedDevices.messages().size() + 1 - 1 - 1, org.assertj.core.api.Assertions.within(0.01));
    }
}

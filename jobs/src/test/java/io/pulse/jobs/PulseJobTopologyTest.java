package io.pulse.jobs;

import io.pulse.jobs.options.JobOptions;
import org.apache.flink.runtime.jobgraph.JobGraph;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every built job, and all of them together in one environment as {@code ./pulse demo} runs them,
 * makes a valid job graph: operator uids must be unique across jobs, or Flink refuses the graph.
 * Building connects to nothing, so no server is needed.
 */
class PulseJobTopologyTest {

    private static final String[] OPTIONS = {
            "--mqtt.broker", "tcp://127.0.0.1:1883", "--jdbc.url", "jdbc:mysql://127.0.0.1:3306/pulse",
            "--influx.url", "http://127.0.0.1:8086", "--influx.org", "pulse", "--influx.bucket", "pulse", "--movement.hmac-key", "a-secret-for-the-test"};

    private static List<PulseJob> built() {
        return Arrays.stream(PulseJob.values()).filter(PulseJob::available).toList();
    }

    @Test
    void eachBuiltJobMakesAJobGraph() {
        assertThat(built()).contains(PulseJob.TELEMETRY, PulseJob.ENERGY);
        for (PulseJob job : built()) {
            StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
            job.addTo(env, JobOptions.parse(OPTIONS));
            JobGraph graph = env.getStreamGraph().getJobGraph();
            assertThat(graph.getNumberOfVertices()).as(job.jobName()).isPositive();
        }
    }

    @Test
    void allBuiltJobsFitInOneJobGraph() {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        for (PulseJob job : built()) {
            job.addTo(env, JobOptions.parse(OPTIONS));
        }
        JobGraph graph = env.getStreamGraph().getJobGraph(); // throws on a uid used twice
        assertThat(graph.getNumberOfVertices()).isPositive();
    }
}

package io.pulse.jobs;

import io.pulse.jobs.options.JobOptions;

import org.apache.flink.api.common.JobExecutionResult;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.functions.sink.v2.DiscardingSink;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** The environment {@code pulse run} builds from the options, on a local Flink. */
class PulseJobEnvironmentTest {

    @Test
    void checkpointsGoToTheGivenDirectory(@TempDir Path dir) throws Exception {
        JobOptions options = JobOptions.parse("--checkpoint.dir", dir.toString(), "--checkpoint.interval", "50",
                "--parallelism", "1");
        StreamExecutionEnvironment env = PulseJob.environment(options);
        assertThat(env.getCheckpointInterval()).isEqualTo(50);
        assertThat(env.getParallelism()).isEqualTo(1);

        env.fromSequence(1, 20).map(n -> {
            Thread.sleep(50); // long enough for checkpoints to be taken while the job runs
            return n;
        }).sinkTo(new DiscardingSink<>());
        JobExecutionResult result = env.execute("checkpoint dir");

        // Flink keeps a job's checkpoints under <dir>/<job id>/
        assertThat(dir.resolve(result.getJobID().toString())).isDirectory();
        try (var files = Files.list(dir)) {
            assertThat(files).hasSize(1);
        }
    }
}

package io.pulse.launcher.demo;

import io.pulse.jobs.PulseJob;
import io.pulse.jobs.options.JobOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.flink.api.common.JobStatus;
import org.apache.flink.configuration.BlobServerOptions;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.CoreOptions;
import org.apache.flink.configuration.JobManagerOptions;
import org.apache.flink.configuration.RestOptions;
import org.apache.flink.configuration.TaskManagerOptions;
import org.apache.flink.configuration.WebOptions;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/**
 * Pulse's jobs, every one that is built, as one Flink job on a local cluster in this JVM, with the
 * Web UI on 127.0.0.1. Flink's temporary files go to a folder of the demo's, so that nothing stays
 * behind.
 */
final class DemoCluster implements AutoCloseable {
    static final String JOB_NAME = "pulse-demo";
    private static final Duration CANCEL_TIMEOUT = Duration.ofSeconds(30);

    private final StreamExecutionEnvironment env;
    private final JobClient job;
    private final int webPort;

    private DemoCluster(StreamExecutionEnvironment env, JobClient job, int webPort) {
        this.env = env;
        this.job = job;
        this.webPort = webPort;
    }

    /** Starts the local cluster and submits the jobs; returns once they are submitted. */
    static DemoCluster start(Path parent, int preferredWebPort, Duration checkpointInterval,
            JobOptions options) throws Exception {
        int webPort = Ports.preferredOrFree(preferredWebPort);
        Path tmp = Files.createDirectories(parent.resolve("flink"));
        Configuration conf = new Configuration();
        conf.set(RestOptions.BIND_ADDRESS, Ports.LOOPBACK);
        conf.set(RestOptions.ADDRESS, Ports.LOOPBACK);
        conf.set(RestOptions.PORT, webPort);
        // the blob server and the task manager would otherwise listen on every interface
        conf.set(JobManagerOptions.BIND_HOST, Ports.LOOPBACK);
        conf.set(JobManagerOptions.ADDRESS, Ports.LOOPBACK);
        conf.set(TaskManagerOptions.BIND_HOST, Ports.LOOPBACK);
        conf.set(TaskManagerOptions.HOST, Ports.LOOPBACK);
        conf.set(CoreOptions.TMP_DIRS, tmp.toString());
        conf.set(WebOptions.TMP_DIR, tmp.resolve("web").toString());
        conf.set(BlobServerOptions.STORAGE_DIRECTORY, tmp.resolve("blobs").toString());

        StreamExecutionEnvironment env =
                StreamExecutionEnvironment.createLocalEnvironmentWithWebUI(conf);
        env.setParallelism(1);
        env.enableCheckpointing(checkpointInterval.toMillis());
        for (PulseJob pulseJob : jobs()) {
            pulseJob.addTo(env, options);
        }
        JobClient job = env.executeAsync(JOB_NAME);
        return new DemoCluster(env, job, webPort);
    }

    /** The jobs the demo runs: those that are built. */
    static List<PulseJob> jobs() {
        return Arrays.stream(PulseJob.values()).filter(PulseJob::available).toList();
    }

    int webPort() {
        return webPort;
    }

    String webUrl() {
        return "http://" + Ports.LOOPBACK + ":" + webPort;
    }

    JobClient job() {
        return job;
    }

    /**
     * Waits until the job runs.
     *
     * @throws IllegalStateException when it ended instead
     * @throws TimeoutException when it does not run within {@code timeout}
     */
    void awaitRunning(Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            JobStatus status = job.getJobStatus().get(10, TimeUnit.SECONDS);
            if (status == JobStatus.RUNNING) {
                return;
            }
            if (status.isTerminalState()) {
                throw new IllegalStateException("the demo's Flink job ended as " + status);
            }
            Thread.sleep(200);
        }
        throw new TimeoutException("the demo's Flink job did not start within " + timeout.toSeconds()
                + " s");
    }

    /** Cancels the job; the local cluster, its Web UI included, shuts down with it. */
    @Override
    public void close() throws Exception {
        try {
            JobStatus status = job.getJobStatus().get(10, TimeUnit.SECONDS);
            if (!status.isTerminalState()) {
                job.cancel().get(CANCEL_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            }
        } catch (Exception e) {
            // the cluster may be gone already (the job failed or was cancelled)
        }
        try {
            job.getJobExecutionResult().get(CANCEL_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        } catch (Exception expected) {
            // a cancelled job completes its result exceptionally
        }
        // the per-job mini cluster closes asynchronously after the job: wait for the Web UI port
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        while (!Ports.isFree(webPort) && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        env.close();
    }
}

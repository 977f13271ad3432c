package io.pulse.jobs;

import io.pulse.jobs.options.JobOptions;
import io.pulse.jobs.options.Option;
import io.pulse.jobs.storage.StorageException;
import io.pulse.jobs.storage.StorageSetup;
import io.pulse.jobs.storage.TimeSeriesSetup;
import io.pulse.jobs.energy.EnergyJob;
import io.pulse.jobs.movement.MovementJob;
import io.pulse.jobs.movement.ingest.PseudonymKey;
import io.pulse.jobs.telemetry.TelemetryJob;
import org.apache.flink.configuration.CheckpointingOptions;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.DeploymentOptions;
import org.apache.flink.configuration.ExternalizedCheckpointRetention;
import org.apache.flink.core.execution.JobClient;
import io.pulse.jobs.wiring.SubscriptionProgress;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import java.io.PrintStream;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.stream.Collectors;

/** The three Pulse jobs, by the name used on the command line. */
public enum PulseJob {
    TELEMETRY("telemetry", 4, TelemetryJob::build,
            "device health, anomalies and alerts from devices/+/telemetry"),
    MOVEMENT("movement", 5, MovementJob::build,
            "visits from gate sightings on campus/gates/+/sightings (needs --movement.hmac-key)"),
    ENERGY("energy", 6, EnergyJob::build,
            "5-minute energy per meter from energy/meters/+/readings");

    /** Adds a job's operators to the environment; the caller executes it. */
    @FunctionalInterface
    public interface Builder {
        void build(StreamExecutionEnvironment env, JobOptions options);
    }

    private final String jobName;
    private final int issue;
    private final Builder builder;
    private final String summary;

    PulseJob(String jobName, int issue, Builder builder, String summary) {
        this.jobName = jobName;
        this.issue = issue;
        this.builder = builder;
        this.summary = summary;
    }

    public String jobName() {
        return jobName;
    }

    public String summary() {
        return summary;
    }

    /** False for a job that is not built yet. */
    public boolean available() {
        return builder != null;
    }

    /** Adds this job's operators to {@code env} (several jobs may share one environment). */
    public void addTo(StreamExecutionEnvironment env, JobOptions options) {
        if (builder == null) {
            throw new IllegalStateException("the " + jobName + " job arrives with issue #" + issue);
        }
        builder.build(env, options);
    }

    /** Checks the options this job needs beyond the syntax (required options). */
    public void validate(JobOptions options) {
        options.require(Option.MQTT_BROKER, "(tcp://host:port or ssl://host:port)");
        if (this == TELEMETRY) {
            options.require(Option.JDBC_URL, "for the telemetry job (alerts and rejected messages go to MySQL)");
        }
        if (this == ENERGY) {
            options.require(Option.JDBC_URL, "for the energy job (energy_5min, energy_daily and rejected messages go to MySQL)");
        }
        if (this == MOVEMENT) {
            PseudonymKey.resolve(options, System.getenv()); // the key, its file, or the environment
            options.require(Option.JDBC_URL, "for the movement job (visits and occupancy go to MySQL)");
            MovementJob.quietHours(options);
        }
    }

    /**
     * Runs the job with validated options until it ends, in this JVM's Flink environment.
     *
     * @return the process exit code
     */
    public int run(JobOptions options, PrintStream out, PrintStream err) throws Exception {
        return run(options, out, err, new Configuration());
    }

    /** As {@link #run(JobOptions, PrintStream, PrintStream)}, on top of the Flink settings {@code flink}. */
    public int run(JobOptions options, PrintStream out, PrintStream err, Configuration flink) throws Exception {
        out.println("pulse: " + TimeSeriesSetup.describe(options));
        if (options.jdbcUrl().isPresent() && options.jdbcMigrate()) {
            try {
                out.println("pulse: " + StorageSetup.migrate(options, System.getenv()));
            } catch (StorageException e) {
                err.println("pulse: " + e.getMessage());
                return PulseJobs.EXIT_FAILED;
            }
        }
        if (builder == null) {
            err.println("pulse: the " + jobName + " job is not built yet (it arrives with issue #"
                    + issue + ")");
            return PulseJobs.EXIT_NOT_AVAILABLE;
        }
        StreamExecutionEnvironment env = environment(options, flink);
        addTo(env, options);
        JobClient job = env.executeAsync("pulse-" + jobName);
        out.println("pulse: " + jobName + " job running: " + options.describe());
        if (!env.getConfiguration().get(DeploymentOptions.ATTACHED)) {
            out.println("pulse: " + jobName + " job submitted (detached) as " + job.getJobID());
            return PulseJobs.EXIT_OK; // flink run -d: the cluster runs it, nothing to wait for here
        }
        if (!SubscriptionProgress.await(jobName, job, out, options.mqttStartTimeout())) {
            job.cancel().get(); // the sessions of a local run stop with it
            return PulseJobs.EXIT_FAILED;
        }
        try {
            job.getJobExecutionResult().get();
        } catch (ExecutionException e) {
            throw e.getCause() instanceof Exception cause ? cause : e;
        }
        return PulseJobs.EXIT_OK;
    }

    /**
     * This JVM's Flink environment (a cluster's under {@code flink run}, else a local one) with the
     * options' checkpointing, checkpoint directory and parallelism.
     */
    public static StreamExecutionEnvironment environment(JobOptions options) {
        return environment(options, new Configuration());
    }

    /**
     * As {@link #environment(JobOptions)} on top of {@code base}. Checkpoints are kept when the job
     * is cancelled or killed, so that it can be resumed from them ({@code ./pulse run} does that
     * by itself; on a cluster, {@code flink run -s <checkpoint>}).
     */
    public static StreamExecutionEnvironment environment(JobOptions options, Configuration base) {
        Configuration config = new Configuration(base);
        config.set(CheckpointingOptions.EXTERNALIZED_CHECKPOINT_RETENTION, ExternalizedCheckpointRetention.RETAIN_ON_CANCELLATION);
        options.checkpointDir().ifPresent(dir -> {
            config.set(CheckpointingOptions.CHECKPOINT_STORAGE, "filesystem");
            config.set(CheckpointingOptions.CHECKPOINTS_DIRECTORY, dir);
        });
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(config);
        env.enableCheckpointing(options.checkpointIntervalMs());
        options.parallelism().ifPresent(env::setParallelism);
        return env;
    }

    public static Optional<PulseJob> named(String name) {
        return Arrays.stream(values())
                .filter(j -> j.jobName.equals(name.toLowerCase(Locale.ROOT))).findFirst();
    }

    public static String names() {
        return Arrays.stream(values()).map(PulseJob::jobName).collect(Collectors.joining(", "));
    }
}

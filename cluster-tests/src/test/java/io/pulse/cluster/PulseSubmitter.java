package io.pulse.cluster;

import io.pulse.testservers.MariaDbServer;
import io.pulse.testservers.MosquittoServer;
import io.pulse.testservers.flink.FlinkSessionCluster;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Submits Pulse's fat jar to a session cluster as a data engineer does: uploaded once over REST,
 * then run with {@code PulseJobs <job> --key value ...} per job, against the test's broker and database.
 */
final class PulseSubmitter {

    static final String MAIN = "io.pulse.jobs.PulseJobs";

    private final FlinkSessionCluster flink;
    private final MosquittoServer mqtt;
    private final MariaDbServer db;
    private String jarId;
    private final java.util.Map<String, String> spools = new java.util.concurrent.ConcurrentHashMap<>();

    PulseSubmitter(FlinkSessionCluster flink, MosquittoServer mqtt, MariaDbServer db) {
        this.flink = flink;
        this.mqtt = mqtt;
        this.db = db;
    }

    /** jobs/target/pulse-jobs.jar, which the reactor builds before this module's tests. */
    static Path jobsJar() {
        Path jar = Path.of(System.getProperty("pulse.jobs.jar", "../jobs/target/pulse-jobs.jar"));
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar.toAbsolutePath() + " is missing: build the jobs module first (./mvnw -pl cluster-tests -am verify)");
        }
        return jar;
    }

    synchronized String jarId() {
        if (jarId == null) {
            jarId = flink.rest().uploadJar(jobsJar());
        }
        return jarId;
    }

    /**
     * The program arguments of a job against the test's servers. The MQTT spool folder is one per
     * job and database, kept across resubmissions as a deployment keeps it.
     */
    List<String> args(String job, String jdbcUrl, String... extra) {
        List<String> args = new ArrayList<>(List.of(job, "--mqtt.broker", mqtt.uri(),
                "--mqtt.spool-dir", spools.computeIfAbsent(job + " " + jdbcUrl, k -> flink.newFolder("spool-" + job + "-").toString()),
                "--jdbc.url", jdbcUrl, "--jdbc.user", db.user(), "--jdbc.password", db.password(),
                "--jdbc.batch-interval", "100", "--checkpoint.interval", "500", "--parallelism", "1"));
        args.addAll(List.of(extra));
        return args;
    }

    /** {@code POST /jars/{id}/run}: the job id. */
    String submit(List<String> args, String savepointPath) {
        return flink.rest().run(jarId(), MAIN, args, savepointPath);
    }
}

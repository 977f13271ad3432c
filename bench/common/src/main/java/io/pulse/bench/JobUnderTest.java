package io.pulse.bench;

import java.util.List;

/** The machine lines of a job benchmark's report: load, Flink, MariaDB and which job source was measured. */
public final class JobUnderTest {

    private JobUnderTest() {}

    /**
     * @param loadAtStart {@link Machine#loadAverage} taken before the first round
     * @param jobDir      the job's source directory from the repository root, e.g. jobs/src/main/java/io/pulse/jobs/energy
     */
    public static String machine(String loadAtStart, int parallelism, String mariaDbVersion, String jobDir) {
        return Machine.describe(
                List.of("load average (1/5/15 min): " + loadAtStart + " at the start, " + Machine.loadAverage(3) + " at the end"),
                List.of("Flink: " + LocalFlink.version() + " (local MiniCluster in the benchmark's JVM, parallelism "
                                + parallelism + ")",
                        "MariaDB (real-sink rounds): " + mariaDbVersion + ", started by `MariaDbServer` of pulse-test-servers",
                        "job under test: " + source(jobDir)));
    }

    /** The last commit that touched the job's source (run from bench/<name>), and whether jobs/src/main has changes. */
    static String source(String dir) {
        String commit = Machine.commandOutput("git", "-C", "../..", "log", "-1", "--format=%h %s", "--", dir);
        if (commit.isEmpty()) {
            return "pulse-jobs from the local Maven repository (source commit unknown)";
        }
        String changes = Machine.commandOutput("git", "-C", "../..", "status", "--porcelain", "--", "jobs/src/main");
        return "pulse-jobs installed from `" + dir + "` at commit " + commit
                + (changes.isEmpty() ? "" : " (with uncommitted changes in jobs/src/main)");
    }
}

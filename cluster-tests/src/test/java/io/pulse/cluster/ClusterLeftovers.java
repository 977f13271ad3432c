package io.pulse.cluster;

import io.pulse.testservers.flink.FlinkSessionCluster;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What finished jobs left in the cluster's JVMs: threads of the libraries in the fat jar (each
 * holds its job's class loader) and live user-code class loaders, counted by jcmd after full GCs.
 */
final class ClusterLeftovers {

    static final String USER_CODE_LOADER = "org.apache.flink.util.ChildFirstClassLoader";
    private static final Pattern LIBRARY_THREAD = Pattern.compile(
            "^\"(mysql-cj-abandoned-connection-cleanup|Rx[A-Za-z]+-\\d+)\"", Pattern.MULTILINE);

    private ClusterLeftovers() {}

    /** One line per library thread left, e.g. "taskmanager 1234: thread mysql-cj-abandoned-connection-cleanup"; empty when clean. */
    static List<String> threads(FlinkSessionCluster flink) throws Exception {
        return of(flink, false);
    }

    /** One line per JVM that still holds user-code class loaders after full GCs, e.g. "jobmanager 1234: 1 live ...". */
    static List<String> loaders(FlinkSessionCluster flink) throws Exception {
        return of(flink, true);
    }

    /**
     * {@link #threads} and {@link #loaders} once the jobs ended: empty as soon as both are, else
     * what is left after two minutes (a TaskManager releases a job's class loader once its tasks are gone).
     */
    static List<String> awaitNone(FlinkSessionCluster flink) throws Exception {
        List<String> leftovers = all(flink);
        for (int i = 0; i < 24 && !leftovers.isEmpty(); i++) {
            Thread.sleep(5_000);
            leftovers = all(flink);
        }
        return leftovers;
    }

    private static List<String> all(FlinkSessionCluster flink) throws Exception {
        List<String> all = new ArrayList<>(threads(flink));
        all.addAll(loaders(flink));
        return all;
    }

    private static List<String> of(FlinkSessionCluster flink, boolean loadersOnly) throws Exception {
        List<String> leftovers = new ArrayList<>();
        List<Long> pids = new ArrayList<>(flink.taskManagerPids());
        pids.add(0, flink.jobManagerPid());
        for (long pid : pids) {
            String jvm = (pid == flink.jobManagerPid() ? "jobmanager " : "taskmanager ") + pid;
            if (!loadersOnly) {
                Matcher thread = LIBRARY_THREAD.matcher(flink.jcmd(pid, "Thread.print"));
                while (thread.find()) {
                    leftovers.add(jvm + ": thread " + thread.group(1));
                }
                continue;
            }
            // What a first GC finds unreachable but finalizable stays until the finalizers ran and the next GC.
            flink.jcmd(pid, "GC.run");
            flink.jcmd(pid, "GC.run_finalization");
            long loaders = instances(flink.jcmd(pid, "GC.class_histogram"), USER_CODE_LOADER); // a full GC first
            if (loaders > 0) {
                leftovers.add(jvm + ": " + loaders + " live " + USER_CODE_LOADER);
            }
        }
        return leftovers;
    }

    /** Instances of a class in a class histogram (" 12:  3  240  name" lines). */
    static long instances(String histogram, String className) {
        for (String line : histogram.lines().toList()) {
            String[] cells = line.trim().split("\\s+");
            if (cells.length >= 4 && cells[3].equals(className)) {
                return Long.parseLong(cells[1]);
            }
        }
        return 0;
    }
}

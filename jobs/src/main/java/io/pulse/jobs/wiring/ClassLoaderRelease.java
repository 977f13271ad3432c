package io.pulse.jobs.wiring;

import io.pulse.connectors.mqtt.source.RecordMethodCaches;
import io.pulse.jobs.storage.DatabaseConnections;

import org.apache.flink.api.common.functions.RuntimeContext;
import org.apache.flink.util.UserCodeClassLoader;

/**
 * Stops the threads that libraries in the jobs' fat jar start once per class loader, and that
 * would otherwise keep a finished job's class loader (and every class of the jar) in a
 * JobManager's or TaskManager's memory for good: mysql-connector-j's
 * {@code mysql-cj-abandoned-connection-cleanup}, and the schedulers of RxJava 2 (HiveMQ's MQTT
 * client) and RxJava 3 (InfluxDB's client); takes the jar's MySQL drivers out of
 * {@code DriverManager}; and makes Java 17 drop the jar's record classes it cached
 * ({@link RecordMethodCaches}).
 *
 * <p>On a Flink cluster each job has a class loader of its own, which loads these libraries from
 * the jar: {@link #register} makes Flink call {@link #release} when it lets go of that loader in
 * a TaskManager, and {@code PulseJobs.main} calls it when main() ends (in the JobManager for REST
 * submissions). Where the jobs' classes come from the JVM's own class path ({@code ./pulse run},
 * tests on a MiniCluster) the JVM keeps these threads until it exits, and release does nothing.
 */
public final class ClassLoaderRelease {

    static final String HOOK = "pulse: stop library threads";

    private ClassLoaderRelease() {}

    /** Releases when Flink releases the task's user-code class loader. */
    public static void register(RuntimeContext context) {
        context.registerUserCodeClassLoaderReleaseHookIfAbsent(HOOK, ClassLoaderRelease::release);
    }

    /** Releases when Flink releases this user-code class loader (a sink writer's). */
    public static void register(UserCodeClassLoader loader) {
        loader.registerReleaseHookIfAbsent(HOOK, ClassLoaderRelease::release);
    }

    /** Whether these classes were loaded by a class loader of their own (a job's), not the JVM's class path. */
    public static boolean inJobClassLoader() {
        return ClassLoaderRelease.class.getClassLoader() != ClassLoader.getSystemClassLoader();
    }

    /** Lets go of all that, if this class lives in a job's own class loader. */
    public static void release() {
        if (!inJobClassLoader()) {
            return;
        }
        DatabaseConnections.releaseDriver();
        io.reactivex.schedulers.Schedulers.shutdown();
        io.reactivex.rxjava3.schedulers.Schedulers.shutdown();
        RecordMethodCaches.reset();
    }
}

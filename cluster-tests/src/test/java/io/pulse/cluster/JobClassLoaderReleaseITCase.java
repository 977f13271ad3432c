package io.pulse.cluster;

import io.pulse.testservers.MariaDbServer;

import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.CoreOptions;
import org.apache.flink.util.FlinkUserCodeClassLoaders;
import org.apache.flink.util.MutableURLClassLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.lang.ref.WeakReference;
import java.net.URL;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a JobManager or TaskManager does with the jobs' fat jar, in this JVM: a child-first
 * class loader over pulse-jobs.jar, made by Flink's own {@link FlinkUserCodeClassLoaders} with
 * Flink's default parent-first patterns, migrates the schema and opens and closes a connection
 * (what main() and the sinks do), then runs {@code ClassLoaderRelease.release()} (what main()'s
 * end and Flink's class loader release hook run) and is closed. After GC nothing may hold it.
 *
 * <p>The control shows the check can fail: without the release, mysql-connector-j's cleanup
 * thread, whose context class loader is the job's, keeps the loader alive.
 */
class JobClassLoaderReleaseITCase {

    @RegisterExtension
    static final MariaDbServer DB = MariaDbServer.create();

    private static final String CLEANUP_THREAD = "mysql-cj-abandoned-connection-cleanup";

    @Test
    void threeJobClassLoadersThatUsedMySqlAreCollectedOnceReleased() throws Exception {
        String url = DB.createDatabase("release");
        List<WeakReference<ClassLoader>> loaders = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            loaders.add(useMySqlInAJobClassLoader(url, true));
        }
        for (WeakReference<ClassLoader> loader : loaders) {
            assertThat(collected(loader)).as("a released job class loader is garbage; " + holders()).isTrue();
        }
        assertThat(cleanupThreads()).as("no cleanup thread of a job class loader left").isZero();
    }

    @Test
    void controlWithoutTheReleaseTheDriversCleanupThreadKeepsTheJobClassLoaderAlive() throws Exception {
        String url = DB.createDatabase("no_release");
        int before = cleanupThreads();
        WeakReference<ClassLoader> loader = useMySqlInAJobClassLoader(url, false);
        try {
            assertThat(collected(loader)).as("an unreleased job class loader stays reachable").isFalse();
            assertThat(cleanupThreads()).isEqualTo(before + 1);
        } finally {
            ClassLoader leaked = loader.get();
            if (leaked != null) { // release it after all, so that this JVM ends clean
                leaked.loadClass("io.pulse.jobs.wiring.ClassLoaderRelease").getMethod("release").invoke(null);
            }
        }
        assertThat(collected(loader)).as("released late, it is garbage too; " + holders()).isTrue();
    }

    private static WeakReference<ClassLoader> useMySqlInAJobClassLoader(String url, boolean release) throws Exception {
        String[] parentFirst = CoreOptions.getParentFirstLoaderPatterns(new Configuration());
        MutableURLClassLoader loader = FlinkUserCodeClassLoaders.childFirst(
                new URL[] {PulseSubmitter.jobsJar().toUri().toURL()}, JobClassLoaderReleaseITCase.class.getClassLoader(),
                parentFirst, error -> {}, false);
        Class<?> settings = loader.loadClass("io.pulse.jobs.storage.JdbcSettings");
        assertThat(settings.getClassLoader()).as("the jobs' classes come from the jar").isSameAs(loader);
        Object jdbc = settings.getMethod("of", String.class, String.class, String.class).invoke(null, url, DB.user(), DB.password());
        loader.loadClass("io.pulse.jobs.storage.SchemaMigrator").getMethod("migrate", settings).invoke(null, jdbc);
        Class<?> connections = loader.loadClass("io.pulse.jobs.storage.DatabaseConnections");
        try (Connection c = (Connection) connections.getMethod("open", settings).invoke(null, jdbc);
             Statement s = c.createStatement(); ResultSet r = s.executeQuery("SELECT COUNT(*) FROM alerts")) {
            assertThat(r.next()).isTrue();
        }
        assertThat(Thread.getAllStackTraces().keySet()).as("the driver started its cleanup thread in the job's loader")
                .anyMatch(t -> t.getName().equals(CLEANUP_THREAD) && t.getContextClassLoader() == loader);
        if (release) {
            loader.loadClass("io.pulse.jobs.wiring.ClassLoaderRelease").getMethod("release").invoke(null);
        }
        loader.close();
        return new WeakReference<>(loader);
    }

    /** Collects garbage until the loader is gone, for at most about 10 s. */
    private static boolean collected(WeakReference<ClassLoader> loader) throws InterruptedException {
        for (int i = 0; i < 50 && loader.get() != null; i++) {
            System.gc();
            Thread.sleep(200);
        }
        return loader.get() == null;
    }

    /** What may hold a job class loader: live threads that carry one, drivers DriverManager knows. */
    private static String holders() {
        StringBuilder sb = new StringBuilder("threads of job class loaders: ");
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            if (t.getContextClassLoader() instanceof MutableURLClassLoader
                    || t.getClass().getClassLoader() instanceof MutableURLClassLoader) {
                sb.append(t.getName()).append(" (").append(t.getClass().getName()).append("), ");
            }
        }
        sb.append("drivers: ");
        java.sql.DriverManager.drivers().forEach(d -> sb.append(d.getClass().getName()).append('@')
                .append(d.getClass().getClassLoader()).append(", "));
        return sb.toString();
    }

    /** Cleanup threads of job class loaders (not the one of the test JVM's own driver). */
    private static int cleanupThreads() {
        return (int) Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().equals(CLEANUP_THREAD) && t.isAlive()
                        && t.getContextClassLoader() instanceof MutableURLClassLoader).count();
    }
}

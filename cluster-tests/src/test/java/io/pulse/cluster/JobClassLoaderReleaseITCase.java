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
 * Flink's default parent-first patterns, migrates the schema, opens and closes a connection and
 * compares two of the jar's records (what main(), the sinks and the operators do), then runs
 * {@code ClassLoaderRelease.release()} (what main()'s end and Flink's class loader release hook
 * run) and is closed. Afterwards the loader must be garbage: held only through a weak reference,
 * it is cleared by a few full GCs, for each of three loaders in a row.
 *
 * <p>What held them before the release did its whole job, found in heap dumps: mysql-connector-j's
 * cleanup thread (its context class loader); {@code DriverManager}, to which the jar's
 * {@code com.mysql.cj.jdbc.Driver} registered itself while the release listed the drivers; and
 * Java 17's record method caches ({@code ObjectMethods}: the last record class compared).
 * The control shows that the check discriminates: without the release, the loader stays.
 */
class JobClassLoaderReleaseITCase {

    @RegisterExtension
    static final MariaDbServer DB = MariaDbServer.create();

    private static final String CLEANUP_THREAD = "mysql-cj-abandoned-connection-cleanup";

    @Test
    void threeJobClassLoadersThatUsedMySqlAreGarbageOnceReleased() throws Exception {
        String url = DB.createDatabase("release");
        List<WeakReference<ClassLoader>> loaders = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            loaders.add(useMySqlInAJobClassLoader(url, true));
        }
        for (int i = 0; i < 100 && cleanupThreads() > 0; i++) {
            Thread.sleep(100); // executors end their threads asynchronously
        }
        assertThat(cleanupThreads()).as("cleanup threads of job class loaders").isZero();
        assertThat(liveAfterGc(loaders)).as("job class loaders still reachable; threads that hold one: " + threadsOfJobLoaders())
                .isZero();
    }

    @Test
    void controlWithoutTheReleaseTheJobClassLoaderStaysReachable() throws Exception {
        String url = DB.createDatabase("no_release");
        for (int i = 0; i < 100 && cleanupThreads() > 0; i++) {
            Thread.sleep(100);
        }
        int before = cleanupThreads();
        WeakReference<ClassLoader> loader = useMySqlInAJobClassLoader(url, false);
        try {
            assertThat(liveAfterGc(List.of(loader))).as("the unreleased loader after full GCs").isOne();
            assertThat(cleanupThreads()).as("the unreleased loader's cleanup thread runs on").isEqualTo(before + 1);
            assertThat(threadsOfJobLoaders()).contains(CLEANUP_THREAD);
        } finally {
            ClassLoader leaked = loader.get();
            if (leaked != null) { // release and close it after all, so that this JVM ends clean
                leaked.loadClass("io.pulse.jobs.wiring.ClassLoaderRelease").getMethod("release").invoke(null);
                ((MutableURLClassLoader) leaked).close();
            }
        }
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
        // JdbcSettings is a record: its equals() is built by the JDK, as that of the jobs' keys and alerts.
        Object same = settings.getMethod("of", String.class, String.class, String.class).invoke(null, url, DB.user(), DB.password());
        assertThat(jdbc.equals(same)).as("records of the jar compared").isTrue();
        // Release, then close, as Flink does: a closed child-first loader hands out its parent's
        // classes, and this JVM's class path has the jobs' classes too.
        if (release) {
            loader.loadClass("io.pulse.jobs.wiring.ClassLoaderRelease").getMethod("release").invoke(null);
            loader.close();
        }
        return new WeakReference<>(loader);
    }

    /** How many of the loaders a few full GCs leave (the second GC collects what finalizers let go of in the first). */
    private static long liveAfterGc(List<WeakReference<ClassLoader>> loaders) throws InterruptedException {
        for (int i = 0; i < 5 && loaders.stream().anyMatch(l -> l.get() != null); i++) {
            System.gc();
            Thread.sleep(200);
        }
        return loaders.stream().filter(l -> l.get() != null).count();
    }

    /**
     * Live threads that carry a job class loader, by name. Not DriverManager's drivers: it lists
     * only those whose class the caller's loader resolves to the same class, never a job loader's.
     */
    private static String threadsOfJobLoaders() {
        StringBuilder sb = new StringBuilder();
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            if (t.getContextClassLoader() instanceof MutableURLClassLoader
                    || t.getClass().getClassLoader() instanceof MutableURLClassLoader) {
                sb.append(t.getName()).append(" (").append(t.getClass().getName()).append("), ");
            }
        }
        return sb.toString();
    }

    /** Cleanup threads of job class loaders (not the one of the test JVM's own driver). */
    private static int cleanupThreads() {
        return (int) Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().equals(CLEANUP_THREAD) && t.isAlive()
                        && t.getContextClassLoader() instanceof MutableURLClassLoader).count();
    }
}

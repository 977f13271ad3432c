package io.pulse.testservers.flink;

import io.pulse.testservers.Await;
import io.pulse.testservers.FreePorts;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A real Flink standalone session cluster for integration tests: the JobManager
 * ({@code StandaloneSessionClusterEntrypoint}) and each TaskManager ({@code TaskManagerRunner}) in
 * a JVM of its own, started as Flink's scripts start them, from a {@code lib/} folder of Maven jars
 * laid out like a binary distribution's (see the pom of the module that uses it), with a generated
 * conf folder ({@link FlinkConfDir}) and memory settings computed by Flink's own
 * {@code BashJavaUtils}. REST on a free 127.0.0.1 port: {@link #rest()}.
 *
 * <pre>{@code @RegisterExtension static final FlinkSessionCluster FLINK = FlinkSessionCluster.create();}</pre>
 *
 * <p>{@link #killTaskManager()} is {@code kill -9} of the TaskManager; {@link #startTaskManager()}
 * starts a new one. {@link #cli} runs Flink's CLI ({@code CliFrontend}) against the cluster.
 */
public final class FlinkSessionCluster implements BeforeAllCallback, AfterAllCallback, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(FlinkSessionCluster.class);
    private static final Duration START_TIMEOUT = Duration.ofMinutes(3);
    /** Where the Maven build of the using module puts the cluster's jars, unless a system property says otherwise. */
    private static final String LIB_PROPERTY = "pulse.flink.lib";

    private final Path lib;
    private final int slots;
    private final Map<String, String> extraSettings = new java.util.LinkedHashMap<>();
    private final List<Process> taskManagers = new CopyOnWriteArrayList<>();
    private volatile Process jobManager;
    private Path dir;
    private Path conf;
    private FlinkRestClient rest;
    private List<String> taskManagerJvm;
    private List<String> taskManagerArgs;
    private int taskManagersStarted;
    private Thread reaper;

    private FlinkSessionCluster(Path lib, int slots) {
        this.lib = lib;
        this.slots = slots;
    }

    /** A cluster with one TaskManager of 8 slots, jars from {@code -Dpulse.flink.lib} (default target/flink-lib). */
    public static FlinkSessionCluster create() {
        return new FlinkSessionCluster(Path.of(System.getProperty(LIB_PROPERTY, "target/flink-lib")), 8);
    }

    /** A setting of the cluster's {@code config.yaml} beyond the defaults (before the start). */
    public FlinkSessionCluster withSetting(String key, String value) {
        extraSettings.put(key, value);
        return this;
    }

    public synchronized void start() {
        if (jobManager != null) {
            return;
        }
        try {
            if (!Files.isDirectory(lib) || listLib().isEmpty()) {
                throw new IllegalStateException("no Flink jars in " + lib.toAbsolutePath()
                        + ": the module's build copies them there (maven-dependency-plugin, phase process-test-resources)");
            }
            dir = Files.createTempDirectory("pulse-flink-");
            conf = dir.resolve("conf");
            for (String sub : List.of("checkpoints", "savepoints", "uploads", "tmp", "log")) {
                Files.createDirectories(dir.resolve(sub));
            }
            int restPort = FreePorts.find();
            Map<String, String> settings = FlinkConfDir.settings(dir, restPort, FreePorts.find(), FreePorts.find(), slots);
            settings.putAll(extraSettings);
            FlinkConfDir.write(conf, settings);
            rest = new FlinkRestClient("127.0.0.1", restPort);
            reaper = new Thread(this::destroyAll, "pulse-flink-cluster-reaper");
            Runtime.getRuntime().addShutdownHook(reaper);

            List<List<String>> jm = resourceParams("GET_JM_RESOURCE_PARAMS");
            List<String> jmArgs = new ArrayList<>(List.of("--configDir", conf.toString()));
            jmArgs.addAll(jm.get(1));
            jobManager = FlinkJvm.start(FlinkJvm.command(lib, conf, jm.get(0),
                    "org.apache.flink.runtime.entrypoint.StandaloneSessionClusterEntrypoint", jmArgs),
                    logs().resolve("jobmanager.log"), dir, Map.of());
            Await.until(START_TIMEOUT, this::restAnswers, () -> "no REST answer from the JobManager at " + rest + "\n" + tail("jobmanager.log"));
            List<List<String>> tm = resourceParams("GET_TM_RESOURCE_PARAMS");
            taskManagerJvm = tm.get(0);
            taskManagerArgs = new ArrayList<>(List.of("--configDir", conf.toString()));
            taskManagerArgs.addAll(tm.get(1));
            startTaskManager();
            LOG.info("Flink session cluster running, REST {} (JobManager pid {}), dir {}", rest, jobManager.pid(), dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Starts one more TaskManager and waits until it has registered with the JobManager. */
    public synchronized void startTaskManager() throws IOException, InterruptedException {
        String id = "taskmanager-" + (++taskManagersStarted);
        String log = id + ".log";
        List<String> args = new ArrayList<>(taskManagerArgs);
        args.addAll(List.of("-D", "taskmanager.resource-id=" + id));
        Process tm = FlinkJvm.start(FlinkJvm.command(lib, conf, taskManagerJvm,
                "org.apache.flink.runtime.taskexecutor.TaskManagerRunner", args), logs().resolve(log), dir, Map.of());
        taskManagers.add(tm);
        Await.until(START_TIMEOUT, () -> {
            if (!tm.isAlive()) {
                throw new IllegalStateException("the TaskManager ended with " + tm.exitValue() + "\n" + tail(log));
            }
            return registered(id);
        }, () -> "the TaskManager did not register; overview " + safeOverview() + "\n" + tail(log));
    }

    /** {@code kill -9} of every running TaskManager; the JobManager notices by missed heartbeats. */
    public synchronized void killTaskManager() throws InterruptedException {
        for (Process tm : taskManagers) {
            tm.destroyForcibly();
            tm.waitFor(30, TimeUnit.SECONDS);
        }
        taskManagers.clear();
    }

    /** Process ids of the running TaskManagers. */
    public List<Long> taskManagerPids() {
        return taskManagers.stream().filter(Process::isAlive).map(Process::pid).toList();
    }

    /** The JobManager's process id. */
    public long jobManagerPid() {
        return jobManager.pid();
    }

    /**
     * Runs a JDK diagnostic command in a JVM of this cluster ({@code jcmd <pid> <command>}), e.g.
     * {@code Thread.print} or {@code GC.class_histogram} (which collects garbage first).
     */
    public String jcmd(long pid, String... command) throws IOException, InterruptedException {
        List<String> line = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
                Long.toString(pid)));
        line.addAll(List.of(command));
        Process jcmd = new ProcessBuilder(line).redirectErrorStream(true).start();
        byte[] out = jcmd.getInputStream().readAllBytes();
        if (!jcmd.waitFor(2, TimeUnit.MINUTES) || jcmd.exitValue() != 0) {
            jcmd.destroyForcibly();
            throw new IllegalStateException(String.join(" ", line) + " failed: " + new String(out, java.nio.charset.StandardCharsets.UTF_8));
        }
        return new String(out, java.nio.charset.StandardCharsets.UTF_8);
    }

    public boolean jobManagerAlive() {
        Process jm = jobManager;
        return jm != null && jm.isAlive() && restAnswers();
    }

    public FlinkRestClient rest() {
        return rest;
    }

    /** The conf folder, for {@code FLINK_CONF_DIR}. */
    public Path confDir() {
        return conf;
    }

    /** A new empty folder in the cluster's directory (for savepoints, spools). */
    public Path newFolder(String prefix) {
        try {
            return Files.createTempDirectory(dir, prefix);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The result of a {@link #cli} run. */
    public record CliResult(int exitCode, String output) {}

    /**
     * Runs Flink's CLI ({@code org.apache.flink.client.cli.CliFrontend}, what {@code bin/flink}
     * runs) in a JVM of its own with {@code FLINK_CONF_DIR} set to this cluster's conf folder.
     */
    public CliResult cli(List<String> args) throws IOException, InterruptedException {
        Path log = Files.createTempFile(logs(), "cli-", ".log");
        Process cli = FlinkJvm.start(FlinkJvm.command(lib, conf, List.of("-Xmx512m"),
                "org.apache.flink.client.cli.CliFrontend", args), log, dir, Map.of("FLINK_CONF_DIR", conf.toString()));
        if (!cli.waitFor(5, TimeUnit.MINUTES)) {
            cli.destroyForcibly().waitFor();
            throw new IllegalStateException("flink " + args + " did not end within 5 min:\n" + Files.readString(log));
        }
        return new CliResult(cli.exitValue(), Files.readString(log));
    }

    /**
     * The command line of Flink's CLI for this cluster, what a distribution's {@code bin/flink}
     * runs, without arguments; run it with {@code FLINK_CONF_DIR} set to {@link #confDir()}. For
     * scripts that call {@code flink ...} themselves (a wrapper script around this command).
     */
    public List<String> cliCommand() {
        return FlinkJvm.command(lib, conf, List.of("-Xmx512m"), "org.apache.flink.client.cli.CliFrontend", List.of());
    }

    /** The last lines of the JobManager's and TaskManagers' logs, for failure messages. */
    public String logTails() {
        try (Stream<Path> files = Files.list(logs())) {
            StringBuilder sb = new StringBuilder();
            files.sorted().forEach(f -> sb.append(tail(f.getFileName().toString())));
            return sb.toString();
        } catch (IOException e) {
            return e.toString();
        }
    }

    /** The whole log of a JVM of the cluster ("jobmanager.log", "taskmanager-1.log"). */
    public String log(String name) {
        try {
            return Files.readString(logs().resolve(name));
        } catch (IOException e) {
            return e.toString();
        }
    }

    @Override
    public synchronized void close() {
        destroyAll();
        if (reaper != null) {
            try {
                Runtime.getRuntime().removeShutdownHook(reaper);
            } catch (IllegalStateException shuttingDown) {
                // the hook runs anyway
            }
        }
        keepLogs();
        deleteQuietly(dir);
        jobManager = null;
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        start();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        close();
    }

    // ---------------------------------------------------------------- internals

    private List<List<String>> resourceParams(String command) throws IOException, InterruptedException {
        Path log = logs().resolve("bash-java-utils.log");
        Files.deleteIfExists(log);
        Process p = FlinkJvm.start(FlinkJvm.command(lib, conf, List.of("-Xmx128m"),
                "org.apache.flink.runtime.util.bash.BashJavaUtils", List.of(command, "--configDir", conf.toString())), log, dir, Map.of());
        if (!p.waitFor(2, TimeUnit.MINUTES) || p.exitValue() != 0) {
            p.destroyForcibly();
            throw new IllegalStateException("BashJavaUtils " + command + " failed:\n" + Files.readString(log));
        }
        String prefix = "BASH_JAVA_UTILS_EXEC_RESULT:";
        List<List<String>> results = Files.readAllLines(log).stream().filter(l -> l.startsWith(prefix))
                .map(l -> List.of(l.substring(prefix.length()).trim().split("\\s+")).stream().filter(s -> !s.isEmpty()).toList())
                .toList();
        if (results.size() != 2) {
            throw new IllegalStateException("BashJavaUtils " + command + " gave no JVM parameters and settings:\n" + Files.readString(log));
        }
        return results;
    }

    private boolean registered(String taskManagerId) {
        try {
            for (com.fasterxml.jackson.databind.JsonNode tm : rest.get("taskmanagers").path("taskmanagers")) {
                if (tm.path("id").asText().equals(taskManagerId)) {
                    return true;
                }
            }
            return false;
        } catch (RuntimeException notYet) {
            return false;
        }
    }

    private boolean restAnswers() {
        Process jm = jobManager;
        if (jm != null && !jm.isAlive()) {
            throw new IllegalStateException("the JobManager ended with " + jm.exitValue() + "\n" + tail("jobmanager.log"));
        }
        try {
            rest.overview();
            return true;
        } catch (RuntimeException notYet) {
            return false;
        }
    }

    private String safeOverview() {
        try {
            return rest.overview().toString();
        } catch (RuntimeException e) {
            return e.toString();
        }
    }

    private Path logs() {
        return dir.resolve("log");
    }

    private String tail(String name) {
        List<String> lines = log(name).lines().toList();
        return "--- last lines of " + name + " ---\n"
                + String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size())) + "\n";
    }

    private List<Path> listLib() throws IOException {
        try (Stream<Path> jars = Files.list(lib)) {
            return jars.filter(j -> j.toString().endsWith(".jar")).toList();
        }
    }

    private void destroyAll() {
        List<Process> all = new ArrayList<>(taskManagers);
        if (jobManager != null) {
            all.add(jobManager);
        }
        all.forEach(Process::destroy);
        for (Process p : all) {
            try {
                if (!p.waitFor(20, TimeUnit.SECONDS)) {
                    p.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                p.destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }
        taskManagers.clear();
    }

    /** The logs go with the folder; keep copies next to the surefire reports. */
    private void keepLogs() {
        if (dir == null || !Files.isDirectory(Path.of("target"))) {
            return;
        }
        Path kept = Path.of("target", "test-server-logs", "flink-" + System.currentTimeMillis());
        try (Stream<Path> files = Files.list(logs())) {
            Files.createDirectories(kept);
            for (Path f : files.toList()) {
                Files.copy(f, kept.resolve(f.getFileName()));
            }
        } catch (IOException e) {
            LOG.debug("could not keep the Flink logs: {}", e.toString());
        }
    }

    private static void deleteQuietly(Path root) {
        if (root == null) {
            return;
        }
        try (Stream<Path> walk = Files.walk(root)) {
            walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException | UncheckedIOException e) {
            LOG.warn("could not delete {}: {}", root, e.toString());
        }
    }
}

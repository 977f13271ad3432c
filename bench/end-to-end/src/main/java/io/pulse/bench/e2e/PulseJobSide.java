package io.pulse.bench.e2e;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * A Pulse job run as a user runs it: {@code ./pulse run <job>} with its defaults, pointed at the
 * run's Mosquitto, a new MariaDB database (the job migrates it) and VictoriaMetrics, with
 * {@code --state.dir} in the run's folder and {@code --fresh}. Ready when it prints "subscribed,
 * receiving"; stopped with SIGTERM (Ctrl-C).
 */
final class PulseJobSide implements Side {

    static final String HMAC_KEY = "bench-end-to-end-key";

    private final Workload workload;
    private ChildProcess process;
    private String jdbcUrl;
    private Path state;

    PulseJobSide(Workload workload) {
        this.workload = workload;
    }

    @Override
    public String key() {
        return workload.job;
    }

    @Override
    public String label() {
        return "`./pulse run " + workload.job + "`";
    }

    @Override
    public Workload workload() {
        return workload;
    }

    @Override
    public boolean flushes() {
        return true;
    }

    /**
     * {@code ./pulse} builds the project with {@code mvnw install} when a pom or a source under
     * {@code src/main} is newer than its stamp {@code .pulse/build.stamp}; run.sh builds with {@code package}
     * and then touches the stamp. Refuses to start a job that would build (and install) instead of run.
     */
    static void requireBuilt(Path root) throws IOException {
        Path stamp = root.resolve(".pulse/build.stamp");
        if (!Files.exists(stamp) || !Files.isDirectory(root.resolve("launcher/target/lib"))) {
            throw new IllegalStateException("./pulse is not built: run bench/end-to-end/run.sh, which builds it first");
        }
        long built = Files.getLastModifiedTime(stamp).toMillis();
        Set<String> skip = Set.of(".git", "target", "node_modules", ".pulse", ".cache");
        try (Stream<Path> files = Files.walk(root).filter(p -> {
            for (Path part : root.relativize(p)) {
                if (skip.contains(part.toString())) {
                    return false;
                }
            }
            return true;
        })) {
            Path newer = files.filter(Files::isRegularFile)
                    .filter(p -> p.getFileName().toString().equals("pom.xml") || p.toString().contains("/src/main/")
                            || root.relativize(p).startsWith(".mvn"))
                    .filter(p -> p.toFile().lastModified() > built).findFirst().orElse(null);
            if (newer != null) {
                throw new IllegalStateException(newer + " is newer than the last build: ./pulse run would build the "
                        + "project (with mvnw install); run bench/end-to-end/run.sh, which builds it with package first");
            }
        }
    }

    @Override
    public void start(Servers s, String run) throws Exception {
        requireBuilt(s.root());
        jdbcUrl = s.database(run);
        state = Files.createDirectories(s.work().resolve(run + "-state"));
        List<String> command = new ArrayList<>(List.of(s.root().resolve("pulse").toString(), "run", workload.job,
                "--mqtt.broker", s.mqtt().uri(),
                "--jdbc.url", jdbcUrl, "--jdbc.user", s.db().user(), "--jdbc.password", s.db().password(),
                "--influx.url", s.vm().url(), "--influx.org", "bench", "--influx.bucket", "pulse", "--influx.token", "bench",
                "--state.dir", state.toString(), "--fresh"));
        if (workload == Workload.MOVEMENT) {
            command.addAll(List.of("--movement.hmac-key", HMAC_KEY));
        }
        process = ChildProcess.start("./pulse run " + workload.job, command, s.root(),
                s.work().resolve(run + "-" + workload.job + ".log"), Map.of());
        process.awaitOutput("subscribed, receiving", Duration.ofMinutes(5), "building the project");
    }

    @Override
    public Stores.Store store(Servers s, String tag) {
        return switch (workload) {
            case TELEMETRY -> Stores.victoriaMetrics(s.vm().url(), "telemetry_temperature", "device", tag);
            case ENERGY -> Stores.victoriaMetrics(s.vm().url(), "meter_power_w", "meter", tag);
            case MOVEMENT -> Stores.sql(jdbcUrl, s.db().user(), s.db().password(),
                    "SELECT COUNT(*) FROM movement_events WHERE gate IN ('" + tag + "-lane', '" + tag + "-probe')",
                    "SELECT ROUND(UNIX_TIMESTAMP(at) * 1000), CONCAT(person_id, direction) FROM movement_events WHERE gate = '"
                            + tag + "-probe' AND at >= FROM_UNIXTIME(?)");
        };
    }

    @Override
    public String checks(Servers s, String tag, int messages) throws Exception {
        String user = s.db().user();
        String password = s.db().password();
        long rejected = Stores.queryLong(jdbcUrl, user, password, "SELECT COUNT(*) FROM rejected_messages");
        String line = "rejected_messages (the job's, so far): " + rejected
                + "; ./pulse run peak resident memory so far: " + process.peakResidentMb() + " MB (goal: under 1,500)";
        if (workload == Workload.MOVEMENT) {
            // visits are written by their own sink: give it up to 30 s after the last movement event
            String sql = "SELECT COUNT(*) FROM visits WHERE exited_at IS NOT NULL AND entry_gate IN ('" + tag + "-lane', '"
                    + tag + "-probe')";
            long started = System.nanoTime();
            long closed = Stores.queryLong(jdbcUrl, user, password, sql);
            while (closed < messages / 2 && System.nanoTime() - started < 30_000_000_000L) {
                Thread.sleep(500);
                closed = Stores.queryLong(jdbcUrl, user, password, sql);
            }
            line += String.format("; closed visits %,d of %,d (%.1f s after the last event was counted)", closed,
                    messages / 2, (System.nanoTime() - started) / 1e9 + 2);
        }
        return line;
    }

    @Override
    public boolean alive() {
        return process != null && process.isAlive();
    }

    @Override
    public void stop() {
        if (process != null) {
            process.stop();
            process = null;
        }
        if (state != null) { // checkpoints and spool; the log stays
            try (Stream<Path> files = Files.walk(state)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (IOException e) {
                System.err.println("could not remove " + state + ": " + e);
            }
            state = null;
        }
    }
}

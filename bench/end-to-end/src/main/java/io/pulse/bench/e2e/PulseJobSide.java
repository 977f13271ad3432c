package io.pulse.bench.e2e;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
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

    @Override
    public Stores.Store start(Servers s, String tag) throws Exception {
        jdbcUrl = s.database(tag);
        state = Files.createDirectories(s.work().resolve(tag + "-state"));
        List<String> command = new ArrayList<>(List.of(s.root().resolve("pulse").toString(), "run", workload.job,
                "--mqtt.broker", s.mqtt().uri(),
                "--jdbc.url", jdbcUrl, "--jdbc.user", s.db().user(), "--jdbc.password", s.db().password(),
                "--influx.url", s.vm().url(), "--influx.org", "bench", "--influx.bucket", "pulse", "--influx.token", "bench",
                "--state.dir", state.toString(), "--fresh"));
        if (workload == Workload.MOVEMENT) {
            command.addAll(List.of("--movement.hmac-key", HMAC_KEY));
        }
        process = ChildProcess.start("./pulse run " + workload.job, command, s.root(),
                s.work().resolve(tag + "-" + workload.job + ".log"), Map.of());
        process.awaitOutput("subscribed, receiving", Duration.ofMinutes(5));
        String user = s.db().user();
        String password = s.db().password();
        return switch (workload) {
            case TELEMETRY -> Stores.victoriaMetrics(s.vm().url(), "telemetry_temperature", "device", tag);
            case ENERGY -> Stores.victoriaMetrics(s.vm().url(), "meter_power_w", "meter", tag);
            case MOVEMENT -> Stores.sql(jdbcUrl, user, password,
                    "SELECT COUNT(*) FROM movement_events WHERE gate IN ('" + tag + "-lane', '" + tag + "-probe')",
                    "SELECT ROUND(UNIX_TIMESTAMP(at) * 1000) FROM movement_events WHERE gate = '" + tag
                            + "-probe' AND at >= FROM_UNIXTIME(?)");
        };
    }

    @Override
    public String checks(Servers s, String tag, int messages) throws Exception {
        String user = s.db().user();
        String password = s.db().password();
        long rejected = Stores.queryLong(jdbcUrl, user, password, "SELECT COUNT(*) FROM rejected_messages");
        String line = "rejected_messages: " + rejected;
        if (workload == Workload.MOVEMENT) {
            long closed = Stores.queryLong(jdbcUrl, user, password, "SELECT COUNT(*) FROM visits WHERE exited_at IS NOT NULL"
                    + " AND entry_gate IN ('" + tag + "-lane', '" + tag + "-probe')");
            line += String.format("; closed visits %,d of %,d", closed, messages / 2);
        }
        return line;
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

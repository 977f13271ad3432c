package io.pulse.bench.jdbc;

import io.pulse.bench.CpuShare;
import io.pulse.bench.Machine;
import io.pulse.bench.Markdown;
import io.pulse.bench.Stats;
import io.pulse.jobs.storage.DatabaseConnections;
import io.pulse.jobs.storage.JdbcSettings;
import io.pulse.jobs.storage.SchemaMigrator;
import io.pulse.testservers.MariaDbServer;

import java.nio.file.Path;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Throughput of Pulse's JDBC sink ({@code UpsertSink}) next to its ceiling, in one run against
 * one MariaDB, same table ({@code energy_5min}), same rows, same batch size: (a) a Flink job
 * writing through the sink, at parallelism 1 and 2, (b) a plain batched JDBC insert loop on one
 * connection. One warm-up round of each side, then {@code rounds} measured rounds; the order of the
 * sides rotates from round to round. The table is truncated before every side, and its content
 * is checked afterwards: every side must leave exactly the same rows.
 *
 * <p>Settings (system properties, set from the pom's bench.* properties): {@code rows} per side
 * and round (200,000), {@code rounds} (5), {@code batch} (500), {@code checkpointMs} (1,000),
 * {@code out} (../results/jdbc-sink.md).
 */
public final class JdbcSinkBenchmark {

    /** Installs the parent pom, pulse-test-servers, pulse-jobs (with what it needs) and pulse-bench-common, then runs. */
    static final String COMMAND = "./mvnw -B -q install -DskipTests -pl jobs -am && cd bench/common && ../../mvnw -B -q install"
            + " && cd ../jdbc && ../../mvnw -q compile exec:exec";
    static final double GOAL = 0.70;
    /** Rows of the tiny jobs that measure a job's fixed cost (deploy, start, finish). */
    private static final long TINY_JOB_ROWS = 1_000;

    /** The sides, in the report's order: (a) the sink, (b) its ceiling. */
    enum Side {
        SINK_P1("(a) `UpsertSink` in a Flink job, parallelism 1", 1),
        SINK_P2("(a) `UpsertSink` in a Flink job, parallelism 2", 2),
        CEILING("(b) ceiling: plain batched JDBC loop, 1 connection", 0);

        final String label;
        final int parallelism;

        Side(String label, int parallelism) {
            this.label = label;
            this.parallelism = parallelism;
        }
    }

    private JdbcSinkBenchmark() {}

    public static void main(String[] args) throws Exception {
        long rows = Long.getLong("rows", 200_000L);
        int rounds = Integer.getInteger("rounds", 5);
        int batch = Integer.getInteger("batch", 500);
        long checkpointMs = Long.getLong("checkpointMs", 1_000L);
        Path out = Path.of(System.getProperty("out", "../results/jdbc-sink.md"));
        if (rows < 1 || rounds < 1 || batch < 1) {
            throw new IllegalArgumentException("rows, rounds and batch must be at least 1");
        }

        String loadAtStart = Machine.loadAverage(3);
        Map<Side, List<Double>> measured = new EnumMap<>(Side.class);
        for (Side side : Side.values()) {
            measured.put(side, new ArrayList<>());
        }
        List<Double> tinyJobSeconds = new ArrayList<>();
        List<Double> othersCores = new ArrayList<>();
        String machine;
        try (MariaDbServer db = MariaDbServer.create()) {
            db.start();
            JdbcSettings settings = JdbcSettings.of(db.createDatabase("bench"), db.user(), db.password())
                    .withBatching(batch, JdbcSettings.DEFAULT_BATCH_INTERVAL_MS, JdbcSettings.DEFAULT_MAX_RETRIES);
            System.out.println("MariaDB at " + settings + ": " + SchemaMigrator.migrate(settings));
            System.out.printf("%,d rows of %s per side and round, batches of %,d, checkpoint every %,d ms%n",
                    rows, BenchRows.TABLE_NAME, batch, checkpointMs);
            try (Connection admin = DatabaseConnections.open(settings)) {
                String expected = null;
                Side[] sides = Side.values();
                for (int round = 0; round <= rounds; round++) {
                    StringBuilder line = new StringBuilder(round == 0 ? "warm-up" : "round " + round).append(':');
                    CpuShare roundStart = CpuShare.now(db.directory().toString());
                    for (int k = 0; k < sides.length; k++) {
                        Side side = sides[(round + k) % sides.length];
                        BenchRows.truncate(admin);
                        double seconds = side == Side.CEILING
                                ? PlainInsertRound.seconds(settings, rows, batch)
                                : SinkRound.seconds(settings, rows, side.parallelism, checkpointMs);
                        String fingerprint = BenchRows.fingerprint(admin);
                        if (expected == null) {
                            expected = fingerprint;
                        }
                        if (BenchRows.count(fingerprint) != rows || !fingerprint.equals(expected)) {
                            throw new IllegalStateException(side + " in round " + round + " left " + fingerprint
                                    + ", expected " + rows + " rows as " + expected);
                        }
                        double rate = rows / seconds;
                        if (round > 0) {
                            measured.get(side).add(rate);
                        }
                        line.append(String.format("  %s %,.0f rows/s", side, rate));
                    }
                    double others = roundStart.othersSince();
                    line.append(String.format("  (other processes: %.2f cores)", others));
                    if (round > 0) {
                        othersCores.add(others);
                    }
                    System.out.println(line);
                }
                for (int i = 0; i < 3; i++) {
                    BenchRows.truncate(admin);
                    tinyJobSeconds.add(SinkRound.seconds(settings, TINY_JOB_ROWS, 1, checkpointMs));
                }
                machine = SystemUnderTest.machine(admin, loadAtStart);
            }
        }

        String report = Report.markdown(rows, batch, rounds, checkpointMs, measured,
                Stats.of(tinyJobSeconds).median(), TINY_JOB_ROWS, othersCores, machine);
        Markdown.printAndWrite(report, out);
    }
}

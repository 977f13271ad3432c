package io.pulse.bench.jdbc;

import io.pulse.bench.CpuShare;
import io.pulse.bench.Markdown;
import io.pulse.bench.Stats;
import io.pulse.bench.jdbc.JdbcSinkBenchmark.Side;
import io.pulse.jobs.storage.JdbcSettings;

import java.util.List;
import java.util.Map;

/** The results as markdown: table, ratio against the goal, rounds, machine, how to reproduce. */
final class Report {

    private Report() {}

    static String markdown(long rows, int batch, int rounds, long checkpointMs, Map<Side, List<Double>> measured,
                           double tinyJobSeconds, long tinyJobRows, List<Double> othersCores, String machine) {
        Stats ceiling = Stats.of(measured.get(Side.CEILING));
        StringBuilder md = new StringBuilder();
        md.append("# JDBC sink throughput\n\n");
        md.append("Rows per second upserted into `").append(BenchRows.TABLE_NAME).append("` on one MariaDB, ")
                .append(String.format("%,d rows per side and round, batches of %,d, ", rows, batch))
                .append(rounds).append(" measured rounds after one warm-up round of each side.\n\n");
        md.append(Markdown.TABLE_HEADER);
        for (Side side : Side.values()) {
            md.append(Markdown.row(side.label, Stats.of(measured.get(side))));
        }
        for (Side side : List.of(Side.SINK_P1, Side.SINK_P2)) {
            md.append(Markdown.ratioRow("(a) parallelism " + side.parallelism + " / (b), medians",
                    Stats.of(measured.get(side)).median() / ceiling.median()));
        }
        md.append('\n');
        md.append(String.format("Goal: the sink at %.0f %% of the ceiling or more:", 100 * JdbcSinkBenchmark.GOAL));
        for (Side side : List.of(Side.SINK_P1, Side.SINK_P2)) {
            double ratio = Stats.of(measured.get(side)).median() / ceiling.median();
            md.append(String.format(" %s at parallelism %d", ratio >= JdbcSinkBenchmark.GOAL ? "met" : "**not met**",
                    side.parallelism)).append(side == Side.SINK_P1 ? "," : ".");
        }
        md.append("\n\n");
        md.append("Per round (a p1 / a p2 / b, rows/s): ");
        List<Double> a1 = measured.get(Side.SINK_P1);
        List<Double> a2 = measured.get(Side.SINK_P2);
        List<Double> b = measured.get(Side.CEILING);
        md.append(Markdown.perRound(a1, a2, b)).append(".\n\n");
        md.append(CpuShare.markdown(othersCores));
        md.append(String.format("A job's fixed cost (scheduling, deployment, finishing), included in every (a) round: "
                + "%,.2f s, the median net runtime of 3 jobs of %,d rows, against %,.2f s for an (a) round at "
                + "parallelism 1.%n%n", tinyJobSeconds, tinyJobRows, rows / Stats.of(a1).median()));
        md.append(String.format("""
                What each side does:
                - (a) `DataGeneratorSource` chained to `UpsertSink.into(table, settings)` with
                  `withBatching(%,d, %,d ms, %d retries)`, checkpointing every %,d ms, in a local
                  MiniCluster with as many slots as the parallelism (at parallelism 2: two writers, two
                  connections), Flink's defaults otherwise. Timed by the job's net runtime: scheduling,
                  deployment, every write and the last flush, but not the start of the local cluster.
                - (b) One thread, one connection, one `PreparedStatement` with the sink's own SQL
                  (`UpsertTable.sql()`, `INSERT ... ON DUPLICATE KEY UPDATE`), typed setters,
                  `addBatch`, and `executeBatch` + `commit` every %,d rows; `rewriteBatchedStatements=true`
                  (same URL as the sink). Rows are generated in the loop by the same function as (a)'s
                  source. Timed from connecting to the last commit.
                - The table is truncated before every side of every round, and afterwards its row count
                  and a checksum of every column are compared: every side of every round left the same
                  %,d rows. Sides take turns going first.
                - All sides share the machine's cores with MariaDB (and Flink with the benchmark's JVM).
                - At parallelism 2 the sink writes over two connections at once, the ceiling over one:
                  that row says what a second writer buys on this machine; parallelism 1 is the
                  like-for-like comparison.

                """, batch, JdbcSettings.DEFAULT_BATCH_INTERVAL_MS, JdbcSettings.DEFAULT_MAX_RETRIES, checkpointMs, batch, rows));
        md.append("Machine:\n").append(machine).append('\n');
        md.append("Reproduce (from the repository root; needs the Debian package `mariadb-server`: the benchmark "
                + "starts a private server and removes it afterwards; the install steps put the parent pom, "
                + "pulse-test-servers, pulse-jobs and pulse-bench-common in the local Maven repository):\n\n");
        md.append("```\n").append(JdbcSinkBenchmark.COMMAND).append("\n```\n\n");
        md.append(String.format("Settings: `-Dbench.rows=%d -Dbench.rounds=%d -Dbench.batch=%d -Dbench.checkpoint-ms=%d`"
                + " (the defaults are 200000, 5, 500, 1000).%n", rows, rounds, batch, checkpointMs));
        return md.toString();
    }
}

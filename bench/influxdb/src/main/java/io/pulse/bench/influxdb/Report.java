package io.pulse.bench.influxdb;

import io.pulse.bench.LocalFlink;
import io.pulse.bench.Machine;
import io.pulse.bench.Markdown;
import io.pulse.bench.Stats;

import java.util.List;

/** The results as markdown: table, rounds, machine, how to reproduce. */
final class Report {

    private Report() {}

    static String markdown(long points, int batch, int rounds, List<Double> sink, List<Double> ceiling,
                           String loadAverage) {
        Stats a = Stats.of(sink);
        Stats b = Stats.of(ceiling);
        StringBuilder md = new StringBuilder();
        md.append("# InfluxDB sink throughput\n\n");
        md.append("Points per second written to one VictoriaMetrics (InfluxDB v2 write API), ")
                .append(String.format("%,d points per round (2 fields each), batches of %,d, ", points, batch))
                .append(rounds).append(" measured rounds after one warm-up round of each side.\n\n");
        md.append(Markdown.TABLE_HEADER);
        md.append(Markdown.row("(a) `InfluxSink` in a Flink job, parallelism 1", a));
        md.append(Markdown.row("(b) ceiling: raw POSTs with java.net.http, 1 connection", b));
        md.append(Markdown.ratioRow("(a) / (b), medians", a.median() / b.median())).append('\n');
        md.append("Per round (a / b, points/s): ").append(Markdown.perRound(sink, ceiling)).append(".\n\n");
        md.append("""
                What each side does:
                - (a) `fromSequence` chained to `InfluxSink`: the mapper builds an `InfluxPoint`, the
                  sink renders it into the current batch, and a sender thread writes each full batch
                  with the client's blocking write API, one batch in flight while the next is built.
                  Timed by the job's net runtime: scheduling, deployment, every write and the final
                  flush, but not the start of the local cluster.
                - (b) One thread appends the same lines (checked byte for byte) to a StringBuilder and
                  POSTs each batch to `/api/v2/write`, waiting for the 204 before the next.
                - Both write to the same server in the same run; each round writes its own time range,
                  and every point of every round was counted on the server afterwards.
                - Both sides share the machine's cores with VictoriaMetrics.

                How the sink got here (rough medians from earlier runs on this machine): with the
                client's OkHttp as configured by default, ~25 % (Nagle's algorithm held back the last
                segment of every request until the server's delayed ACK); with `TCP_NODELAY`, writing
                on the task thread, ~60 %; with one batch in flight on a sender thread, as now, 80-90 %.

                """);
        md.append("Machine:\n").append(Machine.describe(List.of(), List.of(
                "Flink: " + LocalFlink.version() + " (local MiniCluster)",
                "VictoriaMetrics: " + victoriaMetricsVersion(),
                "1-minute load average: " + loadAverage + " (other work on the machine shares the cores with both sides)")))
                .append('\n');
        md.append("Reproduce (from the repository root; needs `victoria-metrics` on the PATH, and "
                + "`pulse-test-servers` installed: `cd test-servers && ../mvnw -B -q install -DskipTests`):\n\n");
        md.append("```\n").append(InfluxSinkBenchmark.COMMAND).append("\n```\n\n");
        md.append(String.format("Settings of this run: `-Dbench.points=%d -Dbench.rounds=%d -Dbench.batch=%d` "
                + "(defaults: 1000000, 7, 5000).%n", points, rounds, batch));
        return md.toString();
    }

    /** Debian's build prints an empty {@code -version}; its package version says it then. */
    private static String victoriaMetricsVersion() {
        String version = Machine.commandOutput("victoria-metrics", "-version");
        if (version.isEmpty()) {
            String packaged = Machine.commandOutput("dpkg-query", "-W", "-f", "${Version}", "victoria-metrics");
            version = packaged.isEmpty() ? "unknown" : packaged + " (Debian package)";
        }
        return version;
    }
}

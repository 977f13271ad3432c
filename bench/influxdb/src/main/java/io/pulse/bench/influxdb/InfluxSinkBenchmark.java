package io.pulse.bench.influxdb;

import io.pulse.bench.Machine;
import io.pulse.bench.Markdown;
import io.pulse.testservers.VictoriaMetricsServer;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Throughput of the InfluxDB sink next to its ceiling, in one run against one VictoriaMetrics:
 * (a) a Flink job writing through {@code InfluxSink}, (b) raw line-protocol POSTs of the same
 * lines in batches of the same size. One warm-up round of each, then {@code rounds} measured
 * rounds, alternating which side goes first. Each round writes its own time range, and its
 * points are counted on the server afterwards.
 *
 * <p>Settings (system properties, which the pom sets from its {@code bench.*} properties):
 * {@code points} per round (1,000,000), {@code rounds} (7), {@code batch} (5,000),
 * {@code out} (../results/influxdb-sink.md).
 */
public final class InfluxSinkBenchmark {

    private static final long BASE = 1_700_000_000_000L;
    private static final long DAY = 86_400_000L;
    static final String COMMAND = "cd connectors/influxdb && ../../mvnw -B -q install -DskipTests && "
            + "cd ../../bench/common && ../../mvnw -B -q install && cd ../influxdb && ../../mvnw -q compile exec:exec";

    private InfluxSinkBenchmark() {}

    public static void main(String[] args) throws Exception {
        long points = Long.getLong("points", 1_000_000L);
        int rounds = Integer.getInteger("rounds", 7);
        int batch = Integer.getInteger("batch", 5_000);
        Path out = Path.of(System.getProperty("out", "../results/influxdb-sink.md"));
        BenchPoints.checkSameLines();
        String loadBefore = Machine.loadAverage(1);

        List<Double> sink = new ArrayList<>();
        List<Double> ceiling = new ArrayList<>();
        try (VictoriaMetricsServer tsdb = VictoriaMetricsServer.create()) {
            tsdb.start();
            RawPostRound raw = new RawPostRound(tsdb.url());
            System.out.printf("%,d points per round in batches of %,d, VictoriaMetrics at %s%n", points, batch, tsdb.url());
            for (int round = 0; round <= rounds; round++) {
                long sinkBase = BASE + 2L * round * DAY;
                long rawBase = sinkBase + DAY;
                double a;
                double b;
                if (round % 2 == 0) {
                    a = SinkRound.pointsPerSecond(tsdb.url(), points, batch, sinkBase);
                    b = raw.pointsPerSecond(points, batch, rawBase);
                } else {
                    b = raw.pointsPerSecond(points, batch, rawBase);
                    a = SinkRound.pointsPerSecond(tsdb.url(), points, batch, sinkBase);
                }
                tsdb.flush();
                checkComplete(tsdb, sinkBase, points, "sink");
                checkComplete(tsdb, rawBase, points, "raw");
                System.out.printf("%s %d: sink %,.0f points/s, raw POSTs %,.0f points/s (%.0f %%)%n",
                        round == 0 ? "warm-up" : "round", round, a, b, 100 * a / b);
                if (round > 0) {
                    sink.add(a);
                    ceiling.add(b);
                }
            }
        }

        String load = loadBefore + " before, " + Machine.loadAverage(1) + " after";
        String report = Report.markdown(points, batch, rounds, sink, ceiling, load);
        Markdown.printAndWrite(report, out);
    }

    private static void checkComplete(VictoriaMetricsServer tsdb, long tsBase, long points, String side) throws Exception {
        long found = SampleCount.points(tsdb.url(), tsBase, points);
        if (found != points) {
            throw new IllegalStateException(side + " round wrote " + found + " of " + points + " points");
        }
    }
}

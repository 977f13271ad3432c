package io.pulse.bench.e2e;

import io.pulse.testservers.MariaDbServer;
import io.pulse.testservers.MosquittoServer;
import io.pulse.testservers.VictoriaMetricsServer;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Pulse end to end (issue #11): one Mosquitto (Pulse's {@code config/mosquitto/mosquitto.conf},
 * persistence on), one MariaDB and one VictoriaMetrics (the InfluxDB v2 write API), all started here on
 * free loopback ports; each job run once with {@code ./pulse run <job>} and its defaults, then a warm-up,
 * then N valid messages at an unlimited rate and at each fixed rate; in the same run on the same broker the baselines: (a) a plain
 * HiveMQ QoS 1 subscriber (at the start and again at the end), (b) a seed-style Python subscriber with one
 * INSERT per message, (c) Node-RED mqtt in → function → mysql. Writes the report to {@code out}.
 *
 * <p>Settings (system properties): {@code messages} per scenario (300000), {@code rates} for the jobs,
 * 0 = unlimited (0,8000,2000), {@code latencyRate} (2000: the rate whose scenario reads the probes'
 * latency), {@code jobs} (telemetry,movement,energy), {@code baselines} (plain,python,node-red; the
 * baselines run at the unlimited rate), {@code probeEvery} (50), {@code stallSeconds} (60), {@code warmup}
 * (20000: messages each side gets at an unlimited rate after its start, not reported), {@code out}
 * (../results/end-to-end.md), {@code pulse.root}, {@code node.red.dir} (set by run.sh).
 */
public final class EndToEndBenchmark {

    static final String COMMAND = "bench/end-to-end/run.sh";

    private EndToEndBenchmark() {}

    public static void main(String[] args) {
        int status = 1;
        try {
            run();
            status = 0;
        } catch (Throwable e) {
            e.printStackTrace();
        }
        System.exit(status); // the HiveMQ client's event loop would keep the JVM up
    }

    record Settings(int messages, List<Integer> rates, int latencyRate, List<String> jobs, List<String> baselines,
                    int probeEvery, long stallSeconds, int warmup) {}

    private static void run() throws Exception {
        Settings settings = new Settings(Integer.getInteger("messages", 300_000),
                ints(System.getProperty("rates", "0,8000,2000")), Integer.getInteger("latencyRate", 2000),
                list(System.getProperty("jobs", "telemetry,movement,energy")),
                list(System.getProperty("baselines", "plain,python,node-red")),
                Integer.getInteger("probeEvery", 50), Long.getLong("stallSeconds", 60),
                Integer.getInteger("warmup", 20_000));
        if (settings.messages() < 2 || settings.messages() % 2 != 0) {
            throw new IllegalArgumentException("messages must be even and at least 2 (movement: an entry and an exit per person)");
        }
        Path root = Path.of(System.getProperty("pulse.root", "../..")).toAbsolutePath().normalize();
        Path out = Path.of(System.getProperty("out", root.resolve("bench/results/end-to-end.md").toString()));
        Path nodeRed = Path.of(System.getProperty("node.red.dir", root.resolve("bench/end-to-end/.cache/node-red").toString()));
        if (!settings.jobs().isEmpty()) {
            PulseJobSide.requireBuilt(root); // before anything starts: ./pulse run must run, not build
        }
        Path work = Files.createTempDirectory("pulse-e2e-");
        System.out.println("end-to-end: the run's logs and state are in " + work);

        String start = Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
        String loadAtStart = SystemInfo.loadAverage();
        long began = System.nanoTime();
        List<Scenario.Result> results = new ArrayList<>();
        int next = 0;
        try (MosquittoServer mqtt = MosquittoServer.create(); MariaDbServer db = MariaDbServer.create();
             VictoriaMetricsServer vm = VictoriaMetricsServer.create()) {
            mqtt.start();
            db.start();
            vm.start();
            Servers servers = new Servers(mqtt, db, vm, root, work, nodeRed);
            System.out.printf("Mosquitto %s, MariaDB %s, VictoriaMetrics %s%n", mqtt.uri(), db.jdbcUrl(), vm.url());
            int n = settings.messages();
            List<Side> sides = new ArrayList<>();
            // the ceiling first and last: how much the machine drifted during the run
            if (settings.baselines().contains("plain")) {
                sides.add(new PlainSubscriberSide());
            }
            settings.jobs().forEach(job -> sides.add(new PulseJobSide(Workload.of(job))));
            if (settings.baselines().contains("node-red")) {
                sides.add(new NodeRedSide());
            }
            if (settings.baselines().contains("python")) {
                sides.add(new PythonSeedSide());
            }
            if (settings.baselines().contains("plain")) {
                sides.add(new PlainSubscriberSide());
            }
            int runs = 0;
            for (Side side : sides) {
                String run = "s" + ++runs;
                boolean job = side instanceof PulseJobSide;
                List<Integer> rates = job ? settings.rates() : List.of(0);
                long logOffset = Files.size(servers.brokerLog());
                int measured = 0;
                try {
                    System.out.printf("%s: starting %s%n", run, side.label());
                    side.start(servers, run);
                    if (settings.warmup() > 0) { // not reported: the JIT, the connections, the tables
                        Scenario.run(servers, side, run + "w", settings.warmup(), 0, false, settings.probeEvery(),
                                settings.stallSeconds());
                    }
                    for (int rate : rates) {
                        Thread.sleep(1_000); // the last flush's event time is behind us (Workload.flushAheadMs)
                        results.add(Scenario.run(servers, side, "r" + ++next, n, rate,
                                job && rate == settings.latencyRate() && rate > 0, settings.probeEvery(), settings.stallSeconds()));
                        measured++;
                    }
                } catch (Exception e) {
                    e.printStackTrace();
                    for (int rate : rates.subList(measured, rates.size())) {
                        results.add(Scenario.failed(side, "r" + ++next, n, rate, "could not start: " + e.getMessage()));
                    }
                } finally {
                    side.stop();
                    Scenario.removeSessions(mqtt, servers.brokerLog(), logOffset);
                }
            }
            String machine = SystemInfo.describe(start, loadAtStart, root, nodeRed);
            double load = Double.NaN;
            try {
                load = Double.parseDouble(loadAtStart.split(" ")[0]);
            } catch (RuntimeException unknown) {
                // "unknown": no remark
            }
            String report = Report.markdown(settings, results, machine, (System.nanoTime() - began) / 1e9, load);
            System.out.println();
            System.out.println(report);
            Files.createDirectories(out.toAbsolutePath().getParent());
            Files.writeString(out, report, StandardCharsets.UTF_8);
            System.out.println("end-to-end: wrote " + out);
        }
    }

    private static List<Integer> ints(String csv) {
        return Arrays.stream(csv.split(",")).map(String::trim).filter(x -> !x.isEmpty()).map(Integer::parseInt).toList();
    }

    private static List<String> list(String csv) {
        return Arrays.stream(csv.split(",")).map(String::trim).filter(x -> !x.isEmpty()).toList();
    }
}

package io.pulse.bench.e2e;

import io.pulse.bench.e2e.EndToEndBenchmark.Settings;

import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;
import java.util.stream.Collectors;

/** The results as markdown: per job, the baselines, the goals, how it was measured, the machine. */
final class Report {

    static final double GOAL_PLAIN = 0.80;
    static final double GOAL_SEED = 10;
    static final double GOAL_NODE_RED = 3;
    static final long GOAL_P99_MS = 2_000;

    private Report() {}

    /**
     * @param loadAtStart the 1-minute load average when the run started: above the core count, the report says that
     *                    the machine was busy
     */
    static String markdown(Settings s, List<Scenario.Result> results, String machine, double runSeconds, double loadAtStart) {
        StringBuilder md = new StringBuilder("# Pulse end to end\n\n");
        boolean full = s.messages() == 300_000 && s.rates().equals(List.of(0, 8000, 2000))
                && s.jobs().equals(List.of("telemetry", "movement", "energy"))
                && s.baselines().equals(List.of("plain", "python", "node-red")) && s.warmup() == 20_000;
        if (!full) {
            md.append("**A check run with settings other than the benchmark's (see Settings below): its figures say that "
                    + "every part works, not what Pulse achieves.**\n\n");
        }
        int cores = Runtime.getRuntime().availableProcessors();
        if (loadAtStart > cores) {
            md.append(String.format(Locale.ROOT, "**The machine was busy with other work: load average %.1f on %d cores at the "
                    + "start. Figures from a busy machine are not comparable with others.**%n%n", loadAtStart, cores));
        }
        md.append(String.format(Locale.ROOT, "Devices → Mosquitto → each Pulse job as a user runs it (`./pulse run <job>`, "
                + "defaults) → MariaDB + VictoriaMetrics (InfluxDB v2 write API), %,d valid messages per scenario, against "
                + "three baselines on the same broker in the same run (%.0f s in all). \"Stored\" is what a user can read "
                + "back: a `telemetry` sample, a `meter` sample in the time-series store, a `movement_events` row.%n%n",
                s.messages(), runSeconds));

        md.append("| job | publish rate | stored / sent | msg/s until all stored | msg/s published | publish → stored p50 / p99 | checks |\n");
        md.append("|---|---|---:|---:|---:|---:|---|\n");
        for (Scenario.Result r : results) {
            if (!(r.side() instanceof PulseJobSide)) {
                continue;
            }
            md.append(String.format(Locale.ROOT, "| %s | %s | %s | %s | %s | %s | %s |%n", r.side().key(), rate(r.rate()),
                    ratio(r), perSecond(r), number(r.publishedPerSecond()),
                    r.latenciesMs().isEmpty() ? "" : String.format(Locale.ROOT, "%,d / %,d ms (%,d of %,d probes)",
                            Scenario.percentile(r.latenciesMs(), 50), Scenario.percentile(r.latenciesMs(), 99), r.latenciesMs().size(),
                            r.probes()),
                    checks(r)));
        }
        md.append("\n| baseline (telemetry messages, unlimited rate) | stored / sent | msg/s until all stored | msg/s published | checks |\n");
        md.append("|---|---:|---:|---:|---|\n");
        for (Scenario.Result r : results) {
            if (r.side() instanceof PulseJobSide) {
                continue;
            }
            md.append(String.format(Locale.ROOT, "| %s | %s | %s | %s | %s |%n", r.side().label(), ratio(r), perSecond(r),
                    number(r.publishedPerSecond()), checks(r)));
        }
        md.append('\n');
        cpu(md, results);

        OptionalDouble plain = mean(results, "plain");
        OptionalDouble seed = mean(results, "python");
        OptionalDouble nodeRed = mean(results, "node-red");
        md.append("Goals of issue #11 on this machine (jobs at the unlimited rate against the baselines' rates; (a) is the mean of its runs):\n\n");
        md.append("| goal | measured | met |\n|---|---|---|\n");
        for (String job : s.jobs()) {
            OptionalDouble rate = results.stream().filter(r -> r.side().key().equals(job) && r.rate() == 0 && r.exact())
                    .mapToDouble(Scenario.Result::perSecond).average();
            goal(md, job + " ≥ 80 % of (a)", rate, plain, GOAL_PLAIN, "%.0f %%", 100);
            goal(md, job + " ≥ 10× (b) seed-style", rate, seed, GOAL_SEED, "%.1f×", 1);
            goal(md, job + " ≥ 3× (c) Node-RED", rate, nodeRed, GOAL_NODE_RED, "%.1f×", 1);
        }
        List<Scenario.Result> jobs = results.stream().filter(r -> r.side() instanceof PulseJobSide).toList();
        long exact = jobs.stream().filter(Scenario.Result::exact).count();
        md.append(String.format(Locale.ROOT, "| 0 loss: stored / sent = 1.0 in every job scenario | %d of %d scenarios exact | %s |%n",
                exact, jobs.size(), exact == jobs.size() && !jobs.isEmpty() ? "yes" : "**no**"));
        results.stream().filter(r -> r.side().key().equals("telemetry") && !r.latenciesMs().isEmpty()).forEach(r -> {
            long p99 = Scenario.percentile(r.latenciesMs(), 99);
            md.append(String.format(Locale.ROOT, "| telemetry: raw reading visible in the time-series store p99 ≤ 2 s at %,d msg/s | p99 %,d ms | %s |%n",
                    r.rate(), p99, p99 <= GOAL_P99_MS ? "yes" : "**no**"));
        });
        md.append('\n');

        md.append(String.format(Locale.ROOT, """
                How it is measured:
                - One Mosquitto (`MosquittoServer` of pulse-test-servers: Pulse's `config/mosquitto/mosquitto.conf`, persistence
                  on), one MariaDB and one VictoriaMetrics, started by the benchmark on free loopback ports and removed at the end.
                  Every side gets a new database, every scenario its own device, meter and gate names (`<tag>-...`);
                  after a side stops, every session that connected while it ran is removed from the broker.
                - The jobs: `./pulse run <job> --mqtt.broker ... --jdbc.url ... --jdbc.user ... --jdbc.password ... --influx.url ...
                  --influx.org ... --influx.bucket ... --influx.token ... --state.dir <new folder> --fresh` (movement also
                  `--movement.hmac-key`), every other option at its default; one run per job, and it receives once it
                  printed "subscribed, receiving". Every side, job or baseline, first gets %,d messages at an unlimited
                  rate that are not reported (the JIT, connections, tables), then one scenario per rate, in the order of
                  the table, each under its own names.
                - The messages (contract section 1): telemetry from %d devices (`temperature`, `humidity`, `battery`, normal
                  values), meter readings from %d meters (`power`, `voltage`, `current`, `powerFactor`, `frequency`,
                  `energyRegisterWh`), gate sightings with raw MACs at lane scanners: person k/2 enters (k even) and leaves
                  (k odd), so each sighting is one `movement_events` row and each person one closed visit. Content is fixed by
                  the scenario and k; `ts` is the wall clock at publish (epoch ms, increasing per device, meter and person),
                  as a device stamps it. Published by one HiveMQ MQTT 5 client with QoS 1, up to %,d unacknowledged, as fast
                  as the broker takes them or paced to the rate.
                - Stored/sent and msg/s: the store is counted once a second, every 100 ms from 90 %% on
                  (`sum(count_over_time(...))` in VictoriaMetrics, `COUNT(*)` in MariaDB); msg/s = N / (the first publish
                  until the poll that saw all N). Then 2 s more and a last count (a duplicate would show).
                  A job's scores, windows and movement events wait for the watermark (telemetry 5 s out of order, energy 5 s,
                  movement 30 s): after its last message the benchmark publishes, every 200 ms, readings of %d other keys
                  (not counted; for movement zone sightings that pair with nothing) stamped that much plus 1 s ahead of the
                  clock, as a busy campus's later traffic would move event time on; the next scenario starts 3 s
                  later, when its readings are no longer behind that event time.
                - Latency at %,d msg/s: every %d-th device, meter or person is a probe (`<tag>-probe...`); every 100 ms
                  the benchmark reads which probe records became visible (VictoriaMetrics `/api/v1/export`, MariaDB `SELECT`)
                  and takes the time of that poll minus the record's `ts` (publish time): the store's own delay and up to
                  100 ms of polling are included. VictoriaMetrics shows a series it has never seen only once it indexed
                  it, seconds after its first sample (once per device; its later samples show within about a second),
                  so before the clock starts the benchmark writes one sample per probe series to it directly, dated
                  10 minutes earlier (outside the scenario's counts and polls), and waits until it shows them (how
                  long: in the checks).
                - (a) a plain HiveMQ MQTT 5 client, persistent session, QoS 1, acknowledging when its callback returns,
                  counting what it receives (as bench/mqtt-source's ceiling); (b) `baselines/seed_subscriber.py`: paho-mqtt,
                  QoS 1, one autocommitted `INSERT` per message through PyMySQL; (c) Node-RED with node-red-node-mysql: mqtt in
                  (QoS 1) → function (JSON to an `INSERT` with placeholders) → mysql node. (b) and (c) write one row per
                  message into a `readings` table and are started until a warm-up reading (not counted) is stored.
                - Everything shares the machine's cores: broker, databases, publisher, the side under test, and the polls.

                """, s.warmup(), Workload.DEVICES, Workload.DEVICES, Publisher.WINDOW, Workload.FLUSH_KEYS, s.latencyRate(), s.probeEvery()));
        md.append("Machine:\n").append(machine).append('\n');
        md.append("Reproduce (from the repository root; as root on Debian/Ubuntu it installs what is missing: mosquitto, "
                + "mariadb-server, victoria-metrics, python3-paho-mqtt, python3-pymysql, nodejs, npm, and Node-RED into "
                + "bench/end-to-end/.cache; about 20 minutes on 2 cores):\n\n");
        md.append("```\n").append(EndToEndBenchmark.COMMAND).append("\n```\n\n");
        md.append(String.format(Locale.ROOT, "Settings: `-Dmessages=%d -Drates=%s -DlatencyRate=%d -Djobs=%s -Dbaselines=%s "
                        + "-DprobeEvery=%d -DstallSeconds=%d -Dwarmup=%d` (the defaults are 300000, 0,8000,2000, 2000, "
                        + "telemetry,movement,energy, plain,python,node-red, 50, 60, 20000).%n",
                s.messages(), s.rates().stream().map(String::valueOf).collect(Collectors.joining(",")), s.latencyRate(),
                String.join(",", s.jobs()), String.join(",", s.baselines()), s.probeEvery(), s.stallSeconds(), s.warmup()));
        return md.toString();
    }

    /** Where the cores went in each scenario (CpuUse): what a side's rate is bounded by on shared cores. */
    private static void cpu(StringBuilder md, List<Scenario.Result> results) {
        md.append("CPU during each scenario (first publish until all stored), per program, as the operating system counts it: "
                + "cores used (CPU time over wall time) and CPU time per message. `benchmark` is the benchmark's JVM: the "
                + "publisher, the store polls and, for (a), the plain subscriber itself; `side's java` is the job's JVM "
                + "(`./pulse run`).\n\n");
        md.append("| side | publish rate | CPU by program |\n|---|---|---|\n");
        for (Scenario.Result r : results) {
            if (r.cpu() != null) {
                md.append(String.format(Locale.ROOT, "| %s | %s | %s |%n", r.side().key(), rate(r.rate()), r.cpu().describe()));
            }
        }
        md.append('\n');
    }

    private static void goal(StringBuilder md, String what, OptionalDouble job, OptionalDouble base, double goal,
                             String format, double scale) {
        if (job.isEmpty() || base.isEmpty()) {
            md.append("| ").append(what).append(" | not measured (a side did not store everything or did not run) | **no** |\n");
            return;
        }
        double ratio = job.getAsDouble() / base.getAsDouble();
        md.append(String.format(Locale.ROOT, "| %s | %,.0f / %,.0f msg/s = " + format + " | %s |%n", what, job.getAsDouble(),
                base.getAsDouble(), ratio * scale, ratio >= goal ? "yes" : "**no**"));
    }

    private static OptionalDouble mean(List<Scenario.Result> results, String key) {
        return results.stream().filter(r -> r.side().key().equals(key) && r.exact())
                .mapToDouble(Scenario.Result::perSecond).average();
    }

    private static String rate(int rate) {
        return rate == 0 ? "unlimited" : String.format(Locale.ROOT, "%,d msg/s", rate);
    }

    private static String ratio(Scenario.Result r) {
        String ratio = String.format(Locale.ROOT, "%,d / %,d = %.4f", r.stored(), r.messages(), (double) r.stored() / r.messages());
        return r.exact() ? ratio : "**" + ratio + "**";
    }

    private static String perSecond(Scenario.Result r) {
        return Double.isNaN(r.perSecond()) ? "—" : number(r.perSecond());
    }

    private static String number(double v) {
        return Double.isNaN(v) ? "—" : String.format(Locale.ROOT, "%,.0f", v);
    }

    private static String checks(Scenario.Result r) {
        String checks = r.checks() == null ? "" : r.checks();
        if (r.failure() != null) {
            checks += (checks.isEmpty() ? "" : "; ") + "**failed: " + r.failure().replace('\n', ' ').replace("|", "\\|") + "**";
        }
        return checks;
    }
}

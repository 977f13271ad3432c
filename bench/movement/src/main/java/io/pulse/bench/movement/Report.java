package io.pulse.bench.movement;

import io.pulse.bench.CheckpointSize;
import io.pulse.bench.CpuShare;
import io.pulse.bench.Markdown;
import io.pulse.bench.RealSinkRounds;
import io.pulse.bench.Stats;
import io.pulse.bench.movement.MovementJobBenchmark.Settings;
import io.pulse.bench.movement.MovementJobBenchmark.Side;

import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/** The results as markdown: throughput, real sinks, state per person, machine, how to reproduce. */
final class Report {

    private Report() {}

    static String markdown(Settings s, Map<Side, List<Double>> measured, List<Double> othersCores, List<Map<String, Long>> jobOutputs,
                           RealSinkRounds.Result real, Map<String, CheckpointSize.Checkpoint> state, String machine) {
        Stats job = Stats.of(measured.get(Side.JOB));
        Stats parse = Stats.of(measured.get(Side.PARSE));
        boolean shared = CpuShare.shared(othersCores, real.othersCores());
        StringBuilder md = new StringBuilder("# Movement job throughput and state\n\n");
        md.append(String.format("Sightings per second through the movement job's operators on a local MiniCluster at parallelism "
                + "%d, fed by a deterministic generator of %,d people at %d sightings per second of event time (each person "
                + "sighted every %d s; half the sightings are of randomized MACs); %,d sightings per side and round, %d measured "
                + "rounds after one warm-up round of each side.%n%n", s.parallelism(), s.people(), MovementJobBenchmark.PER_SECOND,
                s.people() / MovementJobBenchmark.PER_SECOND, s.sightings(), s.rounds()));
        if (shared) {
            md.append("**The machine was shared with other engineers' builds during this run (see the CPU other processes "
                    + "used, below): the figures are pessimistic, not this machine's capacity.**\n\n");
        }
        md.append(Markdown.sidesTable(measured, side -> side.label, Side.JOB, Side.HARNESS));
        md.append(Markdown.row(String.format("(d) movement job, real MySQL sinks (%,d sightings, %d rounds)", s.sinkSightings(),
                real.rates().size()), Stats.of(real.rates())));
        md.append('\n');
        md.append(String.format("Goal: at least %,.0f sightings/s with sinks discarding: **%s** (%,.0f, median of (a)). With the "
                        + "parse step's cost added serially (1 / (1/a + 1/c), an estimate: in the job parsing is chained to "
                        + "the MQTT source and runs alongside the rest): %,.0f sightings/s.%n%n",
                MovementJobBenchmark.GOAL_RATE, job.median() >= MovementJobBenchmark.GOAL_RATE ? "met" : "not met", job.median(),
                1 / (1 / job.median() + 1 / parse.median())));
        md.append("Per round (a / b / c, sightings/s): ")
                .append(Markdown.perRound(measured.get(Side.JOB), measured.get(Side.HARNESS), measured.get(Side.PARSE))).append(".\n\n");
        md.append(CpuShare.markdown(othersCores));
        md.append("Real-sink rounds (d): ").append(Markdown.perRound(real.rates())).append(" sightings/s; ")
                .append(CpuShare.markdown(real.othersCores()).replace("CPU used", "CPU used (MariaDB excluded)"));
        md.append("Outputs of (a), records per sink: ").append(Markdown.sinkOutputs(jobOutputs)).append(".\n\n");
        md.append("Rows in MariaDB after a (d) round: ").append(real.rows()).append(".\n\n");

        int n = s.statePeople();
        long inside = (state.get("inside " + 2 * n).bytes() - state.get("inside " + n).bytes()) / n;
        long left = (state.get("left " + 2 * n).bytes() - state.get("left " + n).bytes()) / n;
        md.append("## State per person\n\n");
        md.append(String.format("Full size of a completed checkpoint of the whole job (every operator, heap state backend, timers "
                        + "included) after N people entered by a lane scanner (inside), or entered and left two minutes later "
                        + "(left), once event time has moved on by more than the debounce window. Per person, the growth from N = "
                        + "%,d to 2N over N: **%,d bytes per person inside** (goal: under %,d: **%s**), **%,d bytes per person "
                        + "who left** (goal: none: **%s**).%n%n", n, inside, MovementJobBenchmark.GOAL_STATE,
                inside < MovementJobBenchmark.GOAL_STATE ? "met" : "not met", left, left <= 0 ? "met" : "not met"));
        md.append("| operator | inside N | inside 2N | left N | left 2N |\n|---|---:|---:|---:|---:|\n");
        TreeSet<String> names = new TreeSet<>();
        state.values().forEach(c -> names.addAll(c.perVertex().keySet()));
        for (String name : names) {
            long[] v = state.values().stream().mapToLong(c -> c.perVertex().getOrDefault(name, 0L)).toArray();
            if (java.util.Arrays.stream(v).anyMatch(x -> x > 0)) {
                md.append(String.format("| %s | %,d | %,d | %,d | %,d |%n", name.replace("|", "/"), v[0], v[1], v[2], v[3]));
            }
        }
        md.append(String.format("| total | %,d | %,d | %,d | %,d |%n%n", state.get("inside " + n).bytes(),
                state.get("inside " + 2 * n).bytes(), state.get("left " + n).bytes(), state.get("left " + 2 * n).bytes()));
        md.append(String.format("""
                ## What each side does

                - (a) `Pipeline.job` runs `MovementPipeline.process`, the processing `MovementJob.build` runs between its
                  MQTT source with the parse step and its sinks: event time (30 s out of order) → randomized MACs to
                  traffic → debounce per person and scanner → lane direction / dual-zone CEP → visits per person →
                  occupancy per gate and campus, hourly traffic. The source is a `DataGeneratorSource` of parsed,
                  pseudonymized sightings (parallelism 1, so event time advances evenly; everything downstream at
                  parallelism %d). Every sink (visits, movement_events, movement_anomalies, occupancy,
                  gate_traffic_hourly, rejected_messages, InfluxDB occupancy and traffic) is a counting no-op Sink V2.
                  Checkpointing every %,d ms. Timed by the job's net runtime (deployment and finishing included).
                - (b) The same generator chained to a discarding sink: what the harness delivers at most.
                - (c) The parse step on its own: the same sightings as the contract's JSON with raw MACs
                  (`campus/gates/{gate}/sightings`), through `ParseStep(SightingParser)`: JSON, validation, the
                  locally-administered bit and HMAC-SHA256 per non-randomized MAC.
                - (d) (a) with the real `UpsertSink`s into a private MariaDB (pulse-test-servers, schema by
                  `SchemaMigrator`, default batching); tables emptied before each round; InfluxDB sinks still discard.
                - The schedule (`Schedule`): over 24 sightings of a person (20 s apart) they enter (1 kept + 5
                  debounced at the entry scanner), are inside, leave (1 + 5), are outside; the other 12 sightings of
                  that slot are randomized MACs. Even people enter by the lane gate and leave by the dual-zone gate,
                  odd people the other way round.
                - State: `StateSize` runs the job on N then 2N entries (and exits), then randomized sightings moving
                  event time on; the first checkpoint completed 5 s later is read from the REST API
                  (`/jobs/:id/checkpoints`, per operator from `/checkpoints/details/:id`).

                """, s.parallelism(), s.checkpointMs()));
        md.append("Machine:\n").append(machine).append('\n');
        md.append("Reproduce (from the repository root; needs the Debian package `mariadb-server` for (d)):\n\n");
        md.append("```\n").append(MovementJobBenchmark.COMMAND).append("\n```\n\n");
        md.append(String.format("Settings: `-Dbench.people=%d -Dbench.sightings=%d -Dbench.rounds=%d -Dbench.parallelism=%d "
                        + "-Dbench.sink-sightings=%d -Dbench.state-people=%d -Dbench.checkpoint-ms=%d` (defaults 10000, 1000000, 3, "
                        + "2, 200000, 5000, 1000).%n", s.people(), s.sightings(), s.rounds(), s.parallelism(), s.sinkSightings(),
                s.statePeople(), s.checkpointMs()));
        return md.toString();
    }
}

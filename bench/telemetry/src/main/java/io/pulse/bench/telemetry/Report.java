package io.pulse.bench.telemetry;

import io.pulse.bench.CheckpointSize;
import io.pulse.bench.CpuShare;
import io.pulse.bench.Markdown;
import io.pulse.bench.RealSinkRounds;
import io.pulse.bench.Stats;
import io.pulse.bench.telemetry.TelemetryJobBenchmark.Settings;
import io.pulse.bench.telemetry.TelemetryJobBenchmark.Side;

import java.util.List;
import java.util.Map;

/** The results as markdown: throughput table, real sinks, state per device, machine, how to reproduce. */
final class Report {

    private Report() {}

    static String markdown(Settings s, Map<Side, List<Double>> measured, List<Double> othersCores,
                           List<Map<String, Long>> jobOutputs, RealSinkRounds.Result real,
                           CheckpointSize.Checkpoint small, CheckpointSize.Checkpoint large, String machine) {
        Stats job = Stats.of(measured.get(Side.JOB));
        Stats parse = Stats.of(measured.get(Side.PARSE));
        Stats processing = Stats.of(measured.get(Side.PROCESSING));
        boolean shared = CpuShare.shared(othersCores, real.othersCores());
        StringBuilder md = new StringBuilder();
        md.append("# Telemetry job throughput and state\n\n");
        md.append(String.format("Readings per second through the telemetry job on a local MiniCluster at parallelism %d, "
                + "fed by a deterministic generator (at the same parallelism) of %,d devices × 6 metrics, one reading per "
                + "device and second of event time; %,d readings per side and round, %d measured rounds after %d warm-up "
                + "rounds of each side.%n%n", s.parallelism(), s.devices(), s.readings(), s.rounds(), s.warmups()));
        if (shared) {
            md.append("**The machine was busy with other processes during this run (see below): the figures are "
                    + "pessimistic, not this machine's capacity.**\n\n");
        }
        md.append(Markdown.sidesTable(measured, side -> side.label, Side.JOB, Side.HARNESS));
        Stats realStats = Stats.of(real.rates());
        md.append(Markdown.row(String.format("(d) whole telemetry job, real MySQL sinks (%,d readings, %d rounds)",
                s.sinkReadings(), real.rates().size()), realStats));
        md.append('\n');
        md.append(String.format("Goal: at least %,.0f readings/s through the whole job with sinks discarding: **%s** "
                        + "(%,.0f, median of (a)); the processing alone, from parsed readings: %,.0f (median of (e)).%n%n",
                TelemetryJobBenchmark.GOAL_RATE, job.median() >= TelemetryJobBenchmark.GOAL_RATE ? "met" : "not met",
                job.median(), processing.median()));
        md.append(String.format("Parse cost per message: %.2f µs of a subtask's time (median of (c) over the %d "
                + "subtasks, which includes the generator's cost of building the JSON).%n%n", 1e6 * s.parallelism() / parse.median(),
                s.parallelism()));
        md.append("Per round (a / b / c / e, readings/s): ")
                .append(Markdown.perRound(measured.get(Side.JOB), measured.get(Side.HARNESS), measured.get(Side.PARSE),
                        measured.get(Side.PROCESSING)))
                .append(".\n\n");
        md.append(CpuShare.markdown(othersCores));
        md.append("Real-sink rounds (d): ").append(Markdown.perRound(real.rates())).append(" readings/s; ")
                .append(CpuShare.markdown(real.othersCores()).replace("CPU used", "CPU used (MariaDB excluded)"));
        md.append("Outputs of (a), records per sink, the same in every round unless a range is given: ")
                .append(Markdown.sinkOutputs(jobOutputs)).append(". Alerts, alert events and commands are deterministic; ")
                .append("device_status rows (a last-seen row is due every 10 s, and a row on every change, so they ")
                .append("depend on how readings and alert events interleave at the connect) and late rejections ")
                .append("(judged against a periodic watermark) may vary slightly with timing.\n\n");
        md.append("Rows in MariaDB after a (d) round: ").append(real.rows()).append(".\n\n");

        long perDevice = (large.bytes() - small.bytes()) / s.devices();
        md.append("## State per device\n\n");
        md.append(String.format("Full size of a completed checkpoint of the whole job (every operator, heap state "
                        + "backend, timers included) after %d s of event time, steady state: %,d bytes at %,d devices, "
                        + "%,d bytes at %,d devices. Per device, the growth from N to 2N devices over N (fixed "
                        + "per-operator metadata does not count): **%,d bytes** (goal: under %,d: **%s**); the plain "
                        + "total / devices at %,d devices: %,d bytes.%n%n",
                s.stateSeconds(), small.bytes(), s.devices(), large.bytes(), 2 * s.devices(), perDevice,
                TelemetryJobBenchmark.GOAL_STATE, perDevice < TelemetryJobBenchmark.GOAL_STATE ? "met" : "not met",
                2 * s.devices(), large.bytes() / (2 * s.devices())));
        md.append(CheckpointSize.growthTable(small, large, s.devices(), "devices", "device"));
        md.append('\n');
        md.append(String.format("""
                ## What each side does

                - (a) `Pipeline.wholeJob` runs the telemetry job as `TelemetryJob.build` composes it, from
                  the contract's JSON messages on: the job's parse step, `ParseStep(TelemetryParser)`, chained
                  to the source as in the job, then its processing, `TelemetryPipeline.process`: event
                  time (5 s out of order) → keyBy device → `DedupAndLateFilter` → (same chain)
                  `AnomalyScorer` → `AlertInput` → `AlertsPipeline.attachInOrder` (ApplyRules with broadcast
                  rules, `PatternGate` and the CEP patterns chained to it, lifecycle, offline) →
                  `DeviceStatusTracker`, with the same side outputs; object reuse on, as the pipeline sets it.
                  The source is a `DataGeneratorSource` of `devices/{id}/telemetry` messages (ISO ts, flame as
                  a boolean) at the job's parallelism %d, as the job's MQTT source runs; its subtasks emit
                  interleaved readings, so event time advances evenly in all of them. The rules come from one
                  rules message (the contract's defaults and a fan command on OVERHEAT) in a bounded source
                  through `ParseStep(RulesParser)`. Every sink (alerts, device_status, devices,
                  rejected_messages, MQTT events and commands, InfluxDB scores and health) is a no-op Sink V2
                  that counts records. Checkpointing every %,d ms, checkpoints in files. Timed by the job's
                  net runtime (scheduling, deployment and finishing included, not the start of the local cluster).
                - (b) The same JSON generator, same parallelism, chained to a discarding sink: what the harness
                  delivers at most; (a) is read against it.
                - (c) The parse step alone: the same JSON messages through `ParseStep(TelemetryParser(MetricRanges.CONTRACT))`,
                  chained, into a discarding sink.
                - (e) (a) without the parse step: a generator of the same readings, parsed already, into
                  `TelemetryPipeline.process` and the same sinks.
                - (d) (a) with the real `UpsertSink`s into a private MariaDB (pulse-test-servers, schema by
                  `SchemaMigrator`, default batching) for alerts, device_status, devices and
                  rejected_messages; tables emptied before each round; the MQTT and InfluxDB sinks still
                  discard.
                - The generator (`BenchReadings`, seeded SplitMix64): temperature around 40 °C with 1 device
                  in 97 overheating for 5-minute stretches and 1 reading in 1,000 an outlier (+15 °C),
                  vibration bursts, batteries draining 1 %%/min and recharged, gas and flame on part of the
                  overheats (FIRE_RISK), 1 reading in 2,000 a duplicate and 1 in 5,000 late by 60 s. No
                  device falls silent, so OFFLINE opens only at the end of input.
                - State: (e), fed by one generator subtask, runs (N, then 2N devices) × %d s of event time, then stays up idle;
                  the first checkpoint triggered 2 s after the last reading left the source (time for the
                  watermark to catch up, so the scorer holds only the 5 s a live job holds) is read from the
                  MiniCluster's REST API (`/jobs/:id/checkpoints`, `state_size`, and per operator from
                  `/checkpoints/details/:id`), then the job is cancelled. File-system checkpoint storage in
                  a temporary directory, Flink's default heap state backend (`hashmap`).

                """, s.parallelism(), s.checkpointMs(), s.stateSeconds()));
        md.append("Machine:\n").append(machine).append('\n');
        md.append("Reproduce (from the repository root; needs the Debian package `mariadb-server` for (d): the benchmark "
                + "starts a private server and removes it afterwards; the install steps put the parent pom, "
                + "pulse-test-servers, pulse-jobs and pulse-bench-common in the local Maven repository):\n\n");
        md.append("```\n").append(TelemetryJobBenchmark.COMMAND).append("\n```\n\n");
        String settings = "`-Dbench.devices=%d -Dbench.readings=%d -Dbench.warmups=%d -Dbench.rounds=%d -Dbench.parallelism=%d "
                + "-Dbench.sink-readings=%d -Dbench.state-seconds=%d -Dbench.checkpoint-ms=%d`";
        Settings d = TelemetryJobBenchmark.DEFAULTS;
        md.append("Settings: ").append(String.format(settings, s.devices(), s.readings(), s.warmups(), s.rounds(),
                        s.parallelism(), s.sinkReadings(), s.stateSeconds(), s.checkpointMs()))
                .append(" (the defaults: ").append(String.format(settings, d.devices(), d.readings(), d.warmups(), d.rounds(),
                        d.parallelism(), d.sinkReadings(), d.stateSeconds(), d.checkpointMs())).append(").\n");
        return md.toString();
    }
}

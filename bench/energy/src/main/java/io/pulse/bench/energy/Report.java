package io.pulse.bench.energy;

import io.pulse.bench.CheckpointSize;
import io.pulse.bench.CpuShare;
import io.pulse.bench.Markdown;
import io.pulse.bench.RealSinkRounds;
import io.pulse.bench.Stats;
import io.pulse.bench.energy.EnergyJobBenchmark.Settings;
import io.pulse.bench.energy.EnergyJobBenchmark.Side;

import java.util.List;
import java.util.Map;

/** The results as markdown: throughput, write reduction, real sinks, state per meter, machine, how to reproduce. */
final class Report {

    private Report() {}

    static String markdown(Settings s, Map<Side, List<Double>> measured, List<Double> othersCores,
                           List<Map<String, Long>> jobOutputs, RealSinkRounds.Result real,
                           CheckpointSize.Checkpoint small, CheckpointSize.Checkpoint large, String machine) {
        Stats job = Stats.of(measured.get(Side.JOB));
        boolean shared = CpuShare.shared(othersCores, real.othersCores());
        StringBuilder md = new StringBuilder("# Energy job throughput, write reduction and state\n\n");
        md.append(String.format("Readings per second through the energy job's operators on a local MiniCluster at "
                + "parallelism %d, fed by a deterministic generator of %,d meters, one reading per meter and second of "
                + "event time; %,d readings per side and round, %d measured rounds after one warm-up round of each side.%n%n",
                s.parallelism(), s.meters(), s.readings(), s.rounds()));
        if (shared) {
            md.append("**Other processes (other engineers' builds and tests) used the machine's 2 cores during this run "
                    + "(see below): the figures are pessimistic, not this machine's capacity.**\n\n");
        }
        md.append(Markdown.sidesTable(measured, side -> side.label, Side.JOB, Side.HARNESS));
        md.append(Markdown.row(String.format("(c) energy job, real MySQL sinks (%,d readings, %d rounds)",
                s.sinkReadings(), real.rates().size()), Stats.of(real.rates())));
        md.append('\n');
        md.append(String.format("Goal: at least %,.0f readings/s with sinks discarding: **%s** (%,.0f, median of (a)).%n%n",
                EnergyJobBenchmark.GOAL_RATE, job.median() >= EnergyJobBenchmark.GOAL_RATE ? "met" : "not met", job.median()));
        md.append("Per round (a / b, readings/s): ")
                .append(Markdown.perRound(measured.get(Side.JOB), measured.get(Side.HARNESS))).append(".\n\n");
        md.append(CpuShare.markdown(othersCores));
        md.append("Real-sink rounds (c): ").append(Markdown.perRound(real.rates())).append(" readings/s; ")
                .append(CpuShare.markdown(real.othersCores()).replace("CPU used", "CPU used (MariaDB excluded)"));

        Map<String, Long> last = jobOutputs.get(jobOutputs.size() - 1);
        long rows = last.getOrDefault(Pipeline.WINDOWS, 0L) + last.getOrDefault(Pipeline.DAILY, 0L)
                + last.getOrDefault(Pipeline.REJECTED, 0L);
        md.append("## Write reduction\n\n");
        md.append(String.format("Rows written to MySQL per reading received, in (a): (%,d energy_5min + %,d energy_daily + "
                        + "%,d rejected_messages) / %,d readings = **%.5f** (one row per %,.0f readings). The rows are "
                        + "upserts, so a window or day written twice is one row in the table: after a (c) round the "
                        + "tables hold %s.%n%n",
                last.getOrDefault(Pipeline.WINDOWS, 0L), last.getOrDefault(Pipeline.DAILY, 0L),
                last.getOrDefault(Pipeline.REJECTED, 0L), s.readings(), rows / (double) s.readings(),
                s.readings() / (double) rows, real.rows()));
        md.append("Outputs of (a), records per sink, the same in every round unless a range is given: ")
                .append(Markdown.sinkOutputs(jobOutputs)).append(". Window rows include the re-writes of windows changed by a late ")
                .append("reading; daily rows (written once per watermark step that brings new windows) and late rejections ")
                .append("(judged against a periodic watermark) vary with timing.\n\n");

        long perMeter = (large.bytes() - small.bytes()) / s.meters();
        md.append("## State per meter\n\n");
        md.append(String.format("Full size of a completed checkpoint of the whole job (every operator, heap state backend, "
                        + "timers included) after %d s of event time, steady state: %,d bytes at %,d meters, %,d bytes at "
                        + "%,d meters: **%,d and %,d bytes per meter** (total / meters); the growth from N to 2N meters "
                        + "over N: %,d bytes. A meter keeps the raw readings a new one could still land between (60 s "
                        + "of lateness plus the watermark's lag, which is larger when the generator runs far ahead of it), "
                        + "32 bytes each (checkpointed as held, not as the arrays' capacity), the settled figures of its "
                        + "open windows, and the times of settled readings until their window is final (about 2 bytes "
                        + "each): the two runs can end with different numbers of raw readings.%n%n",
                s.stateSeconds(), small.bytes(), s.meters(), large.bytes(), 2 * s.meters(),
                small.bytes() / s.meters(), large.bytes() / (2 * s.meters()), perMeter));
        md.append(CheckpointSize.growthTable(small, large, s.meters(), "meters", "meter"));
        md.append('\n');
        md.append(String.format("""
                ## What each side does

                - (a) `Pipeline.job` runs the energy job's own processing, `EnergyPipeline.process`, which
                  `EnergyJob.build` runs between its MQTT source + parse step and its sinks: event time (5 s out
                  of order) → keyBy meter → `EnergyIntegrator` (dedup, late, integration into 5-minute windows)
                  → keyBy meter → `DailyTotals`, and keyBy campus → `DailyTotals`. The source is a
                  `DataGeneratorSource` of parsed `MeterReading`s (parallelism 1, so event time advances evenly;
                  everything downstream at parallelism %d). Every sink (energy_5min, energy_daily,
                  rejected_messages, the InfluxDB readings and windows) is a no-op Sink V2 that counts records.
                  Checkpointing every %,d ms. Timed by the job's net runtime.
                - (b) The same generator, chained to a discarding sink: the baseline; (a) is read against it.
                - (c) (a) with the real `UpsertSink`s into a private MariaDB (pulse-test-servers, schema by
                  `SchemaMigrator`, default batching) for energy_5min, energy_daily and rejected_messages;
                  tables emptied before each round; the InfluxDB sinks still discard.
                - The generator (`BenchMeters`): power 500..3,500 W on a slow curve per meter plus noise,
                  voltage around 230 V, current = power / voltage; 1 reading in 2,000 a duplicate, 1 in 5,000
                  late by 120.5 s.
                - State: the job runs (N, then 2N meters) × %d s of event time, then stays up idle; the first
                  checkpoint triggered after the last reading left the source is read from the MiniCluster's
                  REST API, then the job is cancelled.

                """, s.parallelism(), s.checkpointMs(), s.stateSeconds()));
        md.append("Machine:\n").append(machine).append('\n');
        md.append("Reproduce (from the repository root; needs the Debian package `mariadb-server` for (c)):\n\n");
        md.append("```\n").append(EnergyJobBenchmark.COMMAND).append("\n```\n\n");
        md.append(String.format("Settings: `-Dbench.meters=%d -Dbench.readings=%d -Dbench.rounds=%d -Dbench.parallelism=%d "
                        + "-Dbench.sink-readings=%d -Dbench.state-seconds=%d -Dbench.checkpoint-ms=%d` (the defaults are "
                        + "1000, 1000000, 3, 2, 200000, 600, 1000).%n",
                s.meters(), s.readings(), s.rounds(), s.parallelism(), s.sinkReadings(), s.stateSeconds(), s.checkpointMs()));
        return md.toString();
    }
}

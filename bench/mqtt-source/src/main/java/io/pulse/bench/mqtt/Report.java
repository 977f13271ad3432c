package io.pulse.bench.mqtt;

import io.pulse.bench.CpuShare;
import io.pulse.bench.Markdown;
import io.pulse.bench.Stats;
import io.pulse.bench.mqtt.MqttSourceBenchmark.Kind;
import io.pulse.bench.mqtt.MqttSourceBenchmark.Side;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** The results as markdown: table, ratios, the goal as context, rounds, checks, machine, how to reproduce. */
final class Report {

    /** What the run was asked to do. */
    record Settings(int messages, int rounds, int warmups, int topics, String checkpoints, double payloadBytes) {}

    private Report() {}

    static String markdown(Settings s, Map<Side, List<RoundResult>> measured, List<Double> othersCores, String machine) {
        List<Side> sides = new ArrayList<>(measured.keySet());
        List<Side> sources = sides.stream().filter(side -> side.kind() == Kind.SOURCE).toList();
        Side ceiling = sides.stream().filter(side -> side.kind() == Kind.CEILING).findFirst().orElseThrow();
        Side publisher = sides.stream().filter(side -> side.kind() == Kind.PUBLISHER).findFirst().orElseThrow();
        double ceilingMedian = Stats.of(rates(measured.get(ceiling))).median();

        StringBuilder md = new StringBuilder();
        md.append("# MQTT source throughput\n\n");
        md.append(String.format("Messages per second from the first publish until the last of %,d QoS 1 messages "
                + "(telemetry JSON of %.0f bytes on average, spread over %d topics `bench/devices/<i>/telemetry`) "
                + "reached the receiving side, one Mosquitto, %d measured round%s after %d warm-up round%s of each side, "
                + "sides taking turns.%n%n", s.messages(), s.payloadBytes(), s.topics(), s.rounds(), s.rounds() == 1 ? "" : "s",
                s.warmups(), s.warmups() == 1 ? "" : "s"));
        md.append(Markdown.TABLE_HEADER);
        for (Side side : sides) {
            md.append(Markdown.row(side.label(), Stats.of(rates(measured.get(side)))));
        }
        for (Side source : sources) {
            md.append(Markdown.ratioRow("(a) " + MqttSourceBenchmark.seconds(source.checkpointMs()) + " / (b), medians",
                    Stats.of(rates(measured.get(source))).median() / ceilingMedian));
        }
        md.append('\n');

        md.append(String.format("Context: the issue's goal is a whole job, end to end, at %.0f %% or more of a plain "
                + "subscriber on the same broker. This measures the source alone, into a sink that discards: a job's "
                + "parsing and processing come on top, so the source's share here is an upper bound for a job's.", 100 * MqttSourceBenchmark.JOB_GOAL));
        for (Side source : sources) {
            double ratio = Stats.of(rates(measured.get(source))).median() / ceilingMedian;
            md.append(String.format(" At %s checkpoints the source alone is %s it (%.0f %%).",
                    MqttSourceBenchmark.seconds(source.checkpointMs()), ratio >= MqttSourceBenchmark.JOB_GOAL ? "above" : "**below**",
                    100 * ratio));
        }
        md.append("\n\n");

        md.append("Per round (").append(sides.stream().map(Report::shortName).collect(Collectors.joining(" / ")))
                .append(", messages/s): ");
        @SuppressWarnings("unchecked")
        List<Double>[] columns = sides.stream().map(side -> rates(measured.get(side))).toArray(List[]::new);
        md.append(Markdown.perRound(columns)).append(".\n\n");

        md.append("Where the broker saturates: the publisher's own rate (N over the time from the first publish to the "
                + "last PUBACK), median of the measured rounds, with ");
        List<String> published = new ArrayList<>();
        for (Side side : sides) {
            published.add(String.format("%s %,.0f/s", switch (side.kind()) {
                case SOURCE -> "the source at " + MqttSourceBenchmark.seconds(side.checkpointMs()) + " checkpoints subscribed";
                case CEILING -> "the plain subscriber";
                case PUBLISHER -> "no subscriber (c)";
            }, Stats.of(measured.get(side).stream().map(RoundResult::publishedPerSecond).toList()).median()));
        }
        md.append(String.join(", ", published)).append(". A side that receives at about its publisher's rate kept up "
                + "with the broker; one below it let the broker queue.\n\n");

        md.append(String.format("Checks, every round of every side (warm-up included): each of the %,d messages arrived "
                + "exactly once, no duplicate, nothing from another round; the source's session reconnected 0 times and "
                + "its discarding sink counted exactly %,d records; the plain subscriber was never disconnected.%n%n",
                s.messages(), s.messages()));
        md.append(CpuShare.markdown(othersCores));

        md.append(String.format("""
                What each side does:
                - All: one Mosquitto, started once for the run; a publisher (HiveMQ MQTT 5 client, one
                  connection) sends the round's messages with QoS 1, prepared before the clock starts, up to
                  %,d unacknowledged at a time (the broker's `max_inflight_messages`, which it also announces as
                  its Receive Maximum). Every side of every round gets its own %,d messages; a sequence number in
                  each payload says which arrived. The clock starts at the first publish, once the receiving
                  side is subscribed, and stops when the last missing message arrives.
                - (a) A Flink job on a local MiniCluster, parallelism 1: `MqttSource` built as the Pulse jobs
                  build it (its own MQTT 5 client, `MqttDeserializer.raw()`, filter `%s`, partitioned plain subscription, QoS 1,
                  a persistent session under a new client id each round, a new spool folder each round, spool
                  forced to disk every 5 ms or 256 messages before the PUBACKs, the other options at their
                  defaults), checkpoints to files at the interval given, Flink's defaults otherwise (no object
                  reuse: each message is copied once between the chained operators). A map chained to it reads
                  each payload's sequence number into the round's check, and Pulse's `CountingSink` discards the
                  record. The time includes the spool's writes and fsyncs, the task thread reading the spool,
                  the copy, and any checkpoint in the round; not the job's deployment.
                - (b) A plain HiveMQ MQTT 5 client (the library of the sinks; the source has its own client): a persistent session
                  (Clean Start 0, 7 days, a new client id each round) subscribed to the same filter with QoS 1
                  before the first publish; its callback, on the client's own thread, reads the sequence number
                  into the same check, and the client acknowledges automatically when the callback returns. No
                  Flink, no spool.
                - (c) The same publisher into the same broker with no subscriber: the broker acknowledges every
                  message and keeps none. How fast messages get into this broker on this machine, with nothing
                  delivered.
                - After each round the receiving side's session is removed from the broker, so no later round
                  pays for queueing to it. All sides share the machine's cores with Mosquitto and the publisher.

                """, Publisher.WINDOW, s.messages(), Telemetry.FILTER));
        md.append("Machine:\n").append(machine).append('\n');
        md.append("Reproduce (from the repository root; needs the Debian package `mosquitto`: the benchmark starts a "
                + "private broker and removes it afterwards; the install steps put the parent pom, pulse-test-servers, "
                + "pulse-connector-mqtt and pulse-bench-common in the local Maven repository):\n\n");
        md.append("```\n").append(MqttSourceBenchmark.COMMAND).append("\n```\n\n");
        md.append(String.format("Settings: `-Dbench.messages=%d -Dbench.rounds=%d -Dbench.warmup-rounds=%d -Dbench.topics=%d "
                        + "-Dbench.checkpoint-ms=%s` (the defaults are %d, %d, %d, %d, %s).%n",
                s.messages(), s.rounds(), s.warmups(), s.topics(), s.checkpoints().replace(" ", ""),
                MqttSourceBenchmark.DEFAULT_MESSAGES, MqttSourceBenchmark.DEFAULT_ROUNDS,
                MqttSourceBenchmark.DEFAULT_WARMUP_ROUNDS, MqttSourceBenchmark.DEFAULT_TOPICS,
                MqttSourceBenchmark.DEFAULT_CHECKPOINTS));
        return md.toString();
    }

    private static List<Double> rates(List<RoundResult> rounds) {
        return rounds.stream().map(RoundResult::messagesPerSecond).toList();
    }

    private static String shortName(Side side) {
        return switch (side.kind()) {
            case SOURCE -> "a " + MqttSourceBenchmark.seconds(side.checkpointMs()).replace(" ", "");
            case CEILING -> "b";
            case PUBLISHER -> "c";
        };
    }
}

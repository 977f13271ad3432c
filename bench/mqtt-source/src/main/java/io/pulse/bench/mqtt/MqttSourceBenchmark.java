package io.pulse.bench.mqtt;

import io.pulse.bench.CpuShare;
import io.pulse.bench.Machine;
import io.pulse.bench.Markdown;
import io.pulse.testservers.MosquittoServer;

import com.hivemq.client.mqtt.mqtt5.message.publish.Mqtt5Publish;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Throughput of Pulse's MQTT source next to its ceiling, in one run against one Mosquitto (Pulse's
 * canonical settings: a window of 1,000 messages in flight per client), the same N QoS 1 telemetry
 * messages on {@code topics} topics for every side: (a) {@code MqttSource} in a Flink job into a discarding sink,
 * once per checkpoint interval; (b) a plain HiveMQ-client subscriber; (c) the publisher alone, no
 * subscriber. Warm-up rounds of every side, then {@code rounds} measured rounds; the order of the
 * sides rotates from round to round. Every round checks that its receiving side got each of its N
 * messages exactly once, and that the source's session never reconnected.
 *
 * <p>Settings (system properties, set from the pom's bench.* properties): {@code messages} per side
 * and round (200,000), {@code rounds} (5), {@code warmupRounds} (1), {@code topics} (64),
 * {@code checkpointMs} (10000,1000: one side (a) per interval), {@code out} (../results/mqtt-source.md).
 */
public final class MqttSourceBenchmark {

    /** Installs the parent pom, pulse-test-servers, the connector and pulse-bench-common, then runs. */
    static final String COMMAND = "./mvnw -B -q install -DskipTests -pl connectors/mqtt -am && cd bench/common && "
            + "../../mvnw -B -q install && cd ../mqtt-source && ../../mvnw -q compile exec:exec";
    /** The goal for a whole job, end to end, against a plain subscriber on the same broker. */
    static final double JOB_GOAL = 0.80;
    static final int DEFAULT_MESSAGES = 200_000;
    static final int DEFAULT_ROUNDS = 5;
    static final int DEFAULT_WARMUP_ROUNDS = 1;
    static final int DEFAULT_TOPICS = 64;
    static final String DEFAULT_CHECKPOINTS = "10000,1000";

    enum Kind { SOURCE, CEILING, PUBLISHER }

    /** One side of the comparison; {@code checkpointMs} only for the source. */
    record Side(Kind kind, long checkpointMs, String label) {

        static Side source(long checkpointMs) {
            return new Side(Kind.SOURCE, checkpointMs, "(a) `MqttSource` into a discarding sink, parallelism 1, checkpoints every "
                    + seconds(checkpointMs));
        }

        String key() {
            return switch (kind) {
                case SOURCE -> "source-" + checkpointMs + "ms";
                case CEILING -> "plain";
                case PUBLISHER -> "publisher";
            };
        }
    }

    private MqttSourceBenchmark() {}

    /**
     * Exits when done, also after a failure: a closed source's MQTT clients keep their sessions, on
     * the client side too, for the session expiry (7 days), and with them the HiveMQ client's
     * non-daemon event-loop threads, which would keep this JVM alive.
     */
    public static void main(String[] args) {
        int status = 1;
        try {
            run();
            status = 0;
        } catch (Throwable e) {
            e.printStackTrace();
        }
        System.exit(status);
    }

    private static void run() throws Exception {
        int messages = Integer.getInteger("messages", DEFAULT_MESSAGES);
        int rounds = Integer.getInteger("rounds", DEFAULT_ROUNDS);
        int warmups = Integer.getInteger("warmupRounds", DEFAULT_WARMUP_ROUNDS);
        int topics = Integer.getInteger("topics", DEFAULT_TOPICS);
        String checkpoints = System.getProperty("checkpointMs", DEFAULT_CHECKPOINTS);
        Path out = Path.of(System.getProperty("out", "../results/mqtt-source.md"));
        if (messages < 1 || rounds < 1 || warmups < 0 || topics < 1) {
            throw new IllegalArgumentException("messages, rounds and topics must be at least 1, warm-up rounds at least 0");
        }

        List<Side> sides = new ArrayList<>();
        Arrays.stream(checkpoints.split(",")).map(String::trim).filter(s -> !s.isEmpty())
                .map(Long::parseLong).forEach(ms -> sides.add(Side.source(ms)));
        if (sides.isEmpty()) {
            throw new IllegalArgumentException("checkpointMs needs at least one interval, got '" + checkpoints + "'");
        }
        sides.add(new Side(Kind.CEILING, 0, "(b) ceiling: plain HiveMQ client subscriber, automatic acknowledgement"));
        sides.add(new Side(Kind.PUBLISHER, 0, "(c) the publisher alone, no subscriber"));

        String loadAtStart = Machine.loadAverage(3);
        long runStart = System.nanoTime();
        Map<Side, List<RoundResult>> measured = new LinkedHashMap<>();
        sides.forEach(side -> measured.put(side, new ArrayList<>()));
        List<Double> othersCores = new ArrayList<>();
        String spoolFilesystem;
        double payloadBytes = 0;
        long nextSeq = 0;
        try (MosquittoServer mqtt = MosquittoServer.create()) {
            mqtt.start();
            spoolFilesystem = Machine.commandOutput("stat", "-f", "-c", "%T", mqtt.directory().toString());
            System.out.printf("Mosquitto %s at %s; %,d messages per side and round on %d topics; sides: %s%n",
                    SystemUnderTest.mosquittoVersion(), mqtt.uri(), messages, topics,
                    sides.stream().map(Side::key).toList());
            for (int round = 0; round < warmups + rounds; round++) {
                boolean warmup = round < warmups;
                StringBuilder line = new StringBuilder(warmup ? "warm-up " + (round + 1) : "round " + (round - warmups + 1))
                        .append(':');
                CpuShare roundStart = CpuShare.now(mqtt.directory().toString());
                for (int k = 0; k < sides.size(); k++) {
                    Side side = sides.get((round + k) % sides.size());
                    long sideStart = System.nanoTime();
                    long firstSeq = nextSeq;
                    nextSeq += messages;
                    System.gc(); // the previous side's messages, not this side's round, pay for their collection
                    List<Mqtt5Publish> batch = Telemetry.messages(firstSeq, messages, topics);
                    payloadBytes = Telemetry.meanPayloadBytes(batch);
                    String id = "bench-" + side.key() + "-r" + round;
                    RoundResult result = switch (side.kind()) {
                        case SOURCE -> SourceRound.run(mqtt, id, side.checkpointMs(), batch, firstSeq);
                        case CEILING -> PlainSubscriberRound.run(mqtt, id, batch, firstSeq);
                        case PUBLISHER -> PublisherAloneRound.run(mqtt, id, batch);
                    };
                    line.append(String.format("  %s %,.0f msg/s (published %,.0f/s, side took %.1f s)", side.key(),
                            result.messagesPerSecond(), result.publishedPerSecond(), (System.nanoTime() - sideStart) / 1e9));
                    check(side, result, messages, round);
                    if (!warmup) {
                        measured.get(side).add(result);
                    }
                }
                double others = roundStart.othersSince();
                line.append(String.format("  (other processes: %.2f cores)", others));
                if (!warmup) {
                    othersCores.add(others);
                }
                System.out.println(line);
            }
        }

        System.out.printf("%d rounds of %d sides in %.0f s%n", warmups + rounds, sides.size(), (System.nanoTime() - runStart) / 1e9);
        String machine = SystemUnderTest.machine(loadAtStart, spoolFilesystem.isEmpty() ? "unknown" : spoolFilesystem);
        String report = Report.markdown(new Report.Settings(messages, rounds, warmups, topics, checkpoints, payloadBytes),
                measured, othersCores, machine);
        Markdown.printAndWrite(report, out);
    }

    /** Each of the N exactly once, nothing else, no lost connection; the sink (or callback) saw exactly what arrived. */
    private static void check(Side side, RoundResult r, int messages, int round) {
        if (side.kind() == Kind.PUBLISHER) {
            return;
        }
        if (r.duplicates() != 0 || r.foreign() != 0 || r.reconnects() != 0 || r.counted() != messages) {
            throw new IllegalStateException(String.format("%s in round %d: %,d messages arrived once, but %,d duplicates, "
                    + "%,d not of this round, %,d %s, %,d counted by the %s", side.key(), round, messages, r.duplicates(),
                    r.foreign(), r.reconnects(), side.kind() == Kind.SOURCE ? "reconnects" : "disconnects", r.counted(),
                    side.kind() == Kind.SOURCE ? "sink" : "callback"));
        }
    }

    static String seconds(long millis) {
        return millis % 1000 == 0 ? millis / 1000 + " s" : String.format("%,d ms", millis);
    }
}

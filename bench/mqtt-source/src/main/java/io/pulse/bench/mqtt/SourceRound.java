package io.pulse.bench.mqtt;

import io.pulse.bench.CountingSink;
import io.pulse.bench.LocalFlink;
import io.pulse.connectors.mqtt.MqttDeserializer;
import io.pulse.connectors.mqtt.MqttMessage;
import io.pulse.connectors.mqtt.source.MqttSource;
import io.pulse.connectors.mqtt.source.MqttSubscriptions;
import io.pulse.testservers.MosquittoServer;

import com.hivemq.client.mqtt.mqtt5.message.publish.Mqtt5Publish;
import org.apache.flink.api.common.JobStatus;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * (a) A Flink job on a local MiniCluster (parallelism 1): {@code MqttSource} as the Pulse jobs build
 * it ({@code MqttDeserializer.raw()}, partitioned plain subscription, QoS 1, spool forced to disk,
 * every other option at its default) with a fresh spool folder and a fresh client id, chained to
 * {@link MarkArrival} and a discarding {@link CountingSink}. The clock starts at the first publish,
 * once the session is subscribed, and stops when the last missing message reaches the sink.
 */
final class SourceRound {

    /** After all N arrived: how long to keep watching for a late duplicate before reading the counts. */
    static final long SETTLE_MILLIS = 500;

    private SourceRound() {}

    /** @param prefix the source's client-id prefix, new in every round: its one session is {@code <prefix>-0} */
    static RoundResult run(MosquittoServer mqtt, String prefix, long checkpointMs, List<Mqtt5Publish> messages,
                           long firstSeq) throws Exception {
        int n = messages.size();
        Arrivals arrivals = Arrivals.open(prefix, firstSeq, n);
        CountingSink.reset();
        Path spool = Path.of(mqtt.newSpoolDirectory());
        StreamExecutionEnvironment env = LocalFlink.environment(1);
        env.enableCheckpointing(checkpointMs);
        MqttSource<MqttMessage> source = MqttSource.<MqttMessage>builder()
                .brokerUri(mqtt.uri())
                .topic(Telemetry.FILTER)
                .clientIdPrefix(prefix)
                .spoolDirectory(spool.toString())
                .deserializer(MqttDeserializer.raw())
                .build();
        env.fromSource(source, WatermarkStrategy.noWatermarks(), "mqtt")
                .map(new MarkArrival(prefix)).returns(Types.LONG).name("mark arrival")
                .sinkTo(new CountingSink<>(prefix)).name("discard");
        JobClient job = env.executeAsync("mqtt-source-benchmark " + prefix);
        try {
            awaitSubscribed(prefix, job);
            try (Publisher publisher = new Publisher(mqtt, prefix + "-publisher")) {
                long start = System.nanoTime();
                long published = publisher.publishAll(messages);
                long arrived;
                try {
                    arrived = arrivals.awaitAll(Duration.ofSeconds(60), "source " + prefix);
                } catch (IllegalStateException e) {
                    throw new IllegalStateException(e.getMessage() + "; reconnects " + MqttSubscriptions.reconnects(prefix)
                            + ", job " + job.getJobStatus().get(10, TimeUnit.SECONDS), e);
                }
                Thread.sleep(SETTLE_MILLIS);
                // read while the job runs: MqttSubscriptions counts the sessions that are open
                long reconnects = MqttSubscriptions.reconnects(prefix);
                long counted = CountingSink.counts().getOrDefault(prefix, 0L);
                return new RoundResult(n * 1e9 / (arrived - start), n * 1e9 / (published - start),
                        arrivals.duplicates(), arrivals.foreign(), reconnects, counted);
            }
        } finally {
            stop(job);
            BrokerSessions.remove(mqtt, prefix + "-0");
            Arrivals.close(prefix);
            delete(spool);
        }
    }

    /** Until the broker confirmed the session's subscription: what is published before would be dropped. */
    private static void awaitSubscribed(String prefix, JobClient job) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!"1/1".equals(MqttSubscriptions.status().get(prefix))) {
            JobStatus status = job.getJobStatus().get(10, TimeUnit.SECONDS);
            if (status.isTerminalState() || System.nanoTime() > deadline) {
                throw new IllegalStateException("source " + prefix + " not subscribed (job " + status + ", sessions "
                        + MqttSubscriptions.status().get(prefix) + ")");
            }
            Thread.sleep(10);
        }
    }

    /** Cancels the job and waits until it is gone, with its MiniCluster, before the next side starts. */
    private static void stop(JobClient job) throws Exception {
        try {
            job.cancel().get(60, TimeUnit.SECONDS);
        } catch (Exception e) {
            System.err.println("cancelling " + job.getJobID() + ": " + e);
        }
        try {
            job.getJobExecutionResult().get(60, TimeUnit.SECONDS);
        } catch (Exception expected) {
            // cancelled
        }
    }

    private static void delete(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            System.err.println("could not remove " + dir + ": " + e.getMessage());
        }
    }
}

package io.pulse.connectors.mqtt;

import io.pulse.connectors.mqtt.source.MqttSource;
import io.pulse.testservers.Await;
import io.pulse.connectors.mqtt.testing.CollectingSink;
import io.pulse.connectors.mqtt.testing.SourceTestJob;
import io.pulse.connectors.mqtt.testing.TestPublisher;
import io.pulse.testservers.FailOnce;
import io.pulse.testservers.FlinkTestCluster;
import io.pulse.testservers.MosquittoServer;

import org.apache.flink.api.common.JobStatus;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.apache.flink.util.Collector;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The MQTT source in real Flink jobs against a real Mosquitto configured as Pulse configures it.
 * Two readers divide the topics, so messages go to 16 topics.
 */
class MqttSourceITCase {

    @RegisterExtension
    static final MosquittoServer MQTT = MosquittoServer.create();

    @RegisterExtension
    static final MiniClusterExtension FLINK = FlinkTestCluster.extension(4);

    private JobClient job;
    private String topic;
    private String prefix;
    private String spool;

    @AfterEach
    void cancelJob() throws Exception {
        if (job != null) {
            job.cancel().get(30, TimeUnit.SECONDS);
        }
    }

    private MqttSource<String> source(MqttDeserializer<String> deserializer, MqttDeadLetterMapper<String> deadLetters) {
        return MqttSource.<String>builder()
                .brokerUri(MQTT.uri())
                .topic(topic + "/+")
                .clientIdPrefix(prefix)
                .spoolDirectory(spool)
                .deserializer(deserializer)
                .deadLetters(deadLetters)
                .build();
    }

    private void names(TestInfo test) {
        String name = test.getTestMethod().orElseThrow().getName();
        topic = "it/" + name;
        prefix = "it-" + name;
        spool = MQTT.newSpoolDirectory();
    }

    @Test
    void deliversEachOf100000MessagesExactlyOnceThroughTwoReadersWhenNothingFails(TestInfo test) throws Exception {
        names(test);
        CollectingSink sink = new CollectingSink(prefix);
        job = SourceTestJob.start(source(MqttDeserializer.utf8(), null), 2, 500, sink, null);
        try (TestPublisher publisher = new TestPublisher(MQTT.host(), MQTT.port())) {
            SourceTestJob.warmUp(publisher, topic, sink, 2);
            publisher.publishSpread(topic, 16, TestPublisher.numbered("m", 100_000));
        }

        Await.until(Duration.ofSeconds(180), () -> sink.distinct("m-") == 100_000,
                () -> sink.distinct("m-") + " of 100000 distinct messages arrived");
        Thread.sleep(1_000); // a late duplicate would show up now
        assertThat(sink.distinct("m-")).isEqualTo(100_000);
        assertThat(sink.duplicates("m-")).as("duplicates without any failure").isZero();
    }

    @Test
    void losesNothingWhenTheJobFailsMidStreamAndRestoresFromACheckpoint(TestInfo test) throws Exception {
        names(test);
        int total = 20_000;
        CollectingSink sink = new CollectingSink(prefix);
        job = SourceTestJob.start(source(MqttDeserializer.utf8(), null), 2, 300, sink, new FailOnce<>(8_000));
        try (TestPublisher publisher = new TestPublisher(MQTT.host(), MQTT.port())) {
            SourceTestJob.warmUp(publisher, topic, sink, 2);
            publisher.publishSpread(topic, 16, TestPublisher.numbered("m", total));
        }

        Await.until(Duration.ofSeconds(180), () -> sink.distinct("m-") == total,
                () -> sink.distinct("m-") + " of " + total + " distinct messages arrived, failed=" + FailOnce.FAILED.get());
        assertThat(FailOnce.FAILED).as("the injected failure happened").isTrue();
        assertThat(job.getJobStatus().get()).isEqualTo(JobStatus.RUNNING);
        long duplicates = sink.duplicates("m-");
        System.out.printf("failure mid-stream: %d of %d messages delivered, %d duplicates (redelivered after restore)%n",
                sink.distinct("m-"), total, duplicates);
        assertThat(duplicates).as("records between the last checkpoint and the failure are redelivered").isPositive();
    }

    @Test
    void aRestartedJobWithTheSameClientIdsResumesItsSessions(TestInfo test) throws Exception {
        names(test);
        CollectingSink sink = new CollectingSink(prefix);
        try (TestPublisher publisher = new TestPublisher(MQTT.host(), MQTT.port())) {
            job = SourceTestJob.start(source(MqttDeserializer.utf8(), null), 2, 300, sink, null);
            SourceTestJob.warmUp(publisher, topic, sink, 2);
            publisher.publishSpread(topic, 16, TestPublisher.numbered("before", 2_000));
            Await.until(Duration.ofSeconds(60), () -> sink.distinct("before-") == 2_000,
                    () -> sink.distinct("before-") + " of 2000 before the stop");
            job.cancel().get(30, TimeUnit.SECONDS);
            job = null;

            publisher.publishSpread(topic, 16, TestPublisher.numbered("while-down", 3_000));

            job = SourceTestJob.start(source(MqttDeserializer.utf8(), null), 2, 300, sink, null);
            Await.until(Duration.ofSeconds(60), () -> sink.distinct("while-down-") == 3_000,
                    () -> sink.distinct("while-down-") + " of 3000 published while the job was down");
        }
        assertThat(sink.distinct("before-")).isEqualTo(2_000);
    }

    @Test
    void badPayloadsBecomeDeadLettersAndValidTrafficFlowsOn(TestInfo test) throws Exception {
        names(test);
        CollectingSink sink = new CollectingSink(prefix);
        MqttDeserializer<String> refusesBad = new RefusesBad();
        job = SourceTestJob.start(source(refusesBad, (message, reason) -> "dead|" + message.topic() + "|" + reason), 2, 300, sink, null);
        try (TestPublisher publisher = new TestPublisher(MQTT.host(), MQTT.port())) {
            SourceTestJob.warmUp(publisher, topic, sink, 2);
            for (int i = 0; i < 50; i++) {
                publisher.publish(topic + "/0", "good-" + i);
                if (i % 5 == 0) {
                    publisher.publish(topic + "/0", "bad-" + i);
                }
            }
        }

        Await.until(Duration.ofSeconds(60), () -> sink.distinct("good-") == 50 && sink.distinct("dead|") == 10,
                () -> sink.distinct("good-") + " good, " + sink.distinct("dead|") + " dead letters");
        Set<String> expectedDead = List.of(0, 5, 10, 15, 20, 25, 30, 35, 40, 45).stream()
                .map(i -> "dead|" + topic + "/0|not a reading: 'bad-" + i + "'").collect(Collectors.toSet());
        assertThat(sink.keys("dead|")).isEqualTo(expectedDead);
        assertThat(job.getJobStatus().get()).isEqualTo(JobStatus.RUNNING);
    }

    /** Refuses payloads starting with "bad"; a static class so that the job can serialize it. */
    private static final class RefusesBad implements MqttDeserializer<String> {
        @Override
        public void deserialize(MqttMessage message, Collector<String> out) {
            String text = message.payloadAsString();
            if (text.startsWith("bad")) {
                throw new IllegalArgumentException("not a reading: '" + text + "'");
            }
            out.collect(text);
        }

        @Override
        public TypeInformation<String> getProducedType() {
            return Types.STRING;
        }
    }
}

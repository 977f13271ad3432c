package io.pulse.connectors.mqtt.testing;

import io.pulse.connectors.mqtt.source.MqttSource;
import io.pulse.testservers.FailOnce;

import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.functions.RichMapFunction;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.RestartStrategyOptions;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

import java.time.Duration;

/**
 * source -> tag each record with the reader's subtask ("warmup" records only) -> optional
 * one-time failure after K records -> {@link CollectingSink}. Tagging warm-up records lets a test
 * wait until every reader has subscribed before it publishes what it counts.
 */
public final class SourceTestJob {

    private SourceTestJob() {}

    public static JobClient start(MqttSource<String> source, int parallelism, long checkpointMillis,
                                  CollectingSink sink, FailOnce<String> failure) throws Exception {
        Configuration config = new Configuration();
        config.set(RestartStrategyOptions.RESTART_STRATEGY, "fixed-delay");
        config.set(RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_ATTEMPTS, 3);
        config.set(RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_DELAY, Duration.ofMillis(500));
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(config);
        env.setParallelism(parallelism);
        env.enableCheckpointing(checkpointMillis);
        DataStream<String> records = env.fromSource(source, WatermarkStrategy.noWatermarks(), "mqtt")
                .map(new TagWarmups());
        if (failure != null) {
            records = records.map(failure);
        }
        records.sinkTo(sink);
        return env.executeAsync("mqtt-source-test");
    }

    /** Appends "@subtask" to warm-up records; chained to the source, so the subtask is the reader's. */
    static final class TagWarmups extends RichMapFunction<String, String> {
        @Override
        public String map(String value) {
            return value.startsWith("warmup") ? value + "@" + getRuntimeContext().getTaskInfo().getIndexOfThisSubtask() : value;
        }
    }

    /**
     * Publishes warm-up messages, spread over {@code topicBase}'s 16 topics, until every reader
     * subtask has received one.
     */
    public static void warmUp(TestPublisher publisher, String topicBase, CollectingSink sink, int parallelism) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        int n = 0;
        while (true) {
            boolean all = true;
            for (int subtask = 0; subtask < parallelism; subtask++) {
                final String suffix = "@" + subtask;
                all &= sink.counts().keySet().stream().anyMatch(k -> k.startsWith("warmup") && k.endsWith(suffix));
            }
            if (all) {
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("readers did not all subscribe within 60 s; seen: " + sink.keys("warmup"));
            }
            publisher.publish(topicBase + "/" + (n % 16), "warmup-" + n);
            n++;
            Thread.sleep(50);
        }
    }
}

package io.pulse.connectors.influxdb;

import io.pulse.connectors.influxdb.testing.ServerOutage;
import io.pulse.testservers.ExportedSeries;
import io.pulse.testservers.FlinkTestCluster;
import io.pulse.testservers.VictoriaMetricsServer;

import org.apache.flink.api.common.JobStatus;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.api.connector.source.util.ratelimit.RateLimiterStrategy;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.RestartStrategyOptions;
import org.apache.flink.connector.datagen.source.DataGeneratorSource;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The server goes away for 10 s while a checkpointed job writes to it, then comes back on the
 * same port with its data. Afterwards every point must be there: either the sink's retries
 * bridged the outage, or the job failed and restarted from a checkpoint that only completed
 * after its points were written.
 */
class InfluxSinkOutageITCase {

    private static final Logger LOG = LoggerFactory.getLogger(InfluxSinkOutageITCase.class);

    @RegisterExtension
    static final VictoriaMetricsServer TSDB = VictoriaMetricsServer.create();

    @RegisterExtension
    static final MiniClusterExtension FLINK = FlinkTestCluster.extension(4);

    private static final long BASE = 1_700_000_000_000L;
    private static final int RECORDS = 6_000;
    private static final double PER_SECOND = 300; // 20 s of input, plus the outage
    private static final Duration OUTAGE = Duration.ofSeconds(10);

    /** Records mapped, replays included; the MiniCluster runs in this JVM. */
    private static final AtomicLong MAPPED = new AtomicLong();

    private static InfluxPoint point(String measurement, long i) {
        MAPPED.incrementAndGet();
        return InfluxPoint.builder(measurement).tag("meter", "m" + (i % 8)).field("power", (double) i)
                .time(BASE + i * 100, InfluxPrecision.MILLISECONDS).build();
    }

    private static StreamExecutionEnvironment checkpointedEnvironment() {
        Configuration config = new Configuration();
        config.set(RestartStrategyOptions.RESTART_STRATEGY, "fixed-delay");
        config.set(RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_ATTEMPTS, 1_000);
        config.set(RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_DELAY, Duration.ofMillis(500));
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(config);
        env.setParallelism(2);
        env.enableCheckpointing(1_000);
        return env;
    }

    private static void addJob(StreamExecutionEnvironment env, InfluxSinkBuilder<Long> sink) {
        DataGeneratorSource<Long> source = new DataGeneratorSource<>(i -> i, RECORDS,
                RateLimiterStrategy.perSecond(PER_SECOND), Types.LONG);
        env.fromSource(source, WatermarkStrategy.noWatermarks(), "sequence").sinkTo(sink.build());
    }

    private static InfluxSinkBuilder<Long> sink(String measurement) {
        return InfluxSink.<Long>builder().url(TSDB.url()).token("test-token").org("pulse").bucket("energy")
                .pointMapper(i -> List.of(point(measurement, i)));
    }

    private static int samples(String metric) {
        return TSDB.export(metric).stream().mapToInt(ExportedSeries::size).sum();
    }

    /** Waits for some points, stops the server cleanly for 10 s while the job runs, starts it again. */
    private static void outageWhileRunning(JobClient job, String metric) throws Exception {
        TSDB.awaitExport(metric, series -> series.stream().mapToInt(ExportedSeries::size).sum() >= 600,
                Duration.ofSeconds(30));
        assertThat(job.getJobStatus().get()).isEqualTo(JobStatus.RUNNING);
        int before = samples(metric);
        ServerOutage.stopCleanly(TSDB);
        long down = System.nanoTime();
        Thread.sleep(OUTAGE.toMillis());
        TSDB.start();
        LOG.info("outage of {} ms with {} of {} points written before it", TimeUnit.NANOSECONDS.toMillis(
                System.nanoTime() - down), before, RECORDS);
        assertThat(before).as("the outage must fall in the middle of the job").isLessThan(RECORDS / 2);
    }

    private static void assertEveryPointOnce(String metric) {
        List<ExportedSeries> series = TSDB.export(metric);
        Set<Long> timestamps = new HashSet<>();
        for (ExportedSeries s : series) {
            for (int k = 0; k < s.size(); k++) {
                long i = (s.timestamps().get(k) - BASE) / 100;
                assertThat(s.labels()).containsEntry("meter", "m" + (i % 8));
                assertThat(s.values().get(k)).isEqualTo((double) i);
                assertThat(timestamps.add(s.timestamps().get(k))).as("duplicate sample at %d", i).isTrue();
            }
        }
        assertThat(timestamps).hasSize(RECORDS);
    }

    @Test
    void theSinksRetriesBridgeATenSecondOutageWithoutARestart() throws Exception {
        MAPPED.set(0);
        StreamExecutionEnvironment env = checkpointedEnvironment();
        // default retries: 10 attempts, 0.2 s doubling to 5 s, ~26 s in all
        addJob(env, sink("bridged").batchSize(200).flushInterval(Duration.ofMillis(200)));
        JobClient job = env.executeAsync("influx-outage-bridged");

        outageWhileRunning(job, "bridged_power");
        job.getJobExecutionResult().get(2, TimeUnit.MINUTES);

        assertEveryPointOnce("bridged_power");
        assertThat(MAPPED.get()).as("records mapped: no replay, so no restart").isEqualTo(RECORDS);
    }

    @Test
    void whenRetriesRunOutTheJobRestartsFromItsCheckpointAndLosesNothing() throws Exception {
        MAPPED.set(0);
        StreamExecutionEnvironment env = checkpointedEnvironment();
        // Batches larger than the whole input and no timer to speak of: only the flush before each
        // checkpoint writes. Had a checkpoint completed with points still buffered, they would be
        // missing now, because the restart replays from that checkpoint on.
        addJob(env, sink("restarted").batchSize(100_000).flushInterval(Duration.ofHours(1))
                .retries(2, Duration.ofMillis(100), Duration.ofMillis(100)));
        JobClient job = env.executeAsync("influx-outage-restarted");

        outageWhileRunning(job, "restarted_power");
        job.getJobExecutionResult().get(2, TimeUnit.MINUTES);

        assertEveryPointOnce("restarted_power"); // replays overwrote themselves: one sample per timestamp
        LOG.info("records mapped including replays after restarts: {} for {} records", MAPPED.get(), RECORDS);
        assertThat(MAPPED.get()).as("records mapped: the restarts replayed some").isGreaterThan(RECORDS);
    }
}

package io.pulse.bench.jdbc;

import io.pulse.bench.LocalFlink;
import io.pulse.jobs.storage.JdbcSettings;
import io.pulse.jobs.storage.UpsertSink;

import org.apache.flink.api.common.JobExecutionResult;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.connector.source.util.ratelimit.RateLimiterStrategy;
import org.apache.flink.connector.datagen.source.DataGeneratorSource;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

import java.util.concurrent.TimeUnit;

/**
 * (a) A Flink job as a Pulse job runs it: {@code DataGeneratorSource} (the same rows as the
 * ceiling) chained to {@code UpsertSink}, checkpointing on, in a local MiniCluster of
 * {@code parallelism} slots. The sink writes a batch when {@code batch} rows are buffered, one
 * second after the first buffered row, and before every checkpoint. Timed by the job's net runtime
 * (scheduling, deployment, every write and the last flush; not the start of the local cluster).
 */
final class SinkRound {

    private SinkRound() {}

    /** @return the job's net runtime in seconds */
    static double seconds(JdbcSettings settings, long rows, int parallelism, long checkpointMs) throws Exception {
        StreamExecutionEnvironment env = LocalFlink.environment(parallelism);
        env.enableCheckpointing(checkpointMs);
        DataGeneratorSource<BenchRows.Energy5Min> source = new DataGeneratorSource<>(new BenchRows.Generator(), rows,
                RateLimiterStrategy.noOp(), TypeInformation.of(BenchRows.Energy5Min.class));
        env.fromSource(source, WatermarkStrategy.noWatermarks(), "energy_5min rows")
                .sinkTo(UpsertSink.into(BenchRows.TABLE, settings))
                .name("UpsertSink energy_5min");
        JobExecutionResult result = env.execute("jdbc-sink-benchmark p" + parallelism);
        return result.getNetRuntime(TimeUnit.MILLISECONDS) / 1_000.0;
    }
}

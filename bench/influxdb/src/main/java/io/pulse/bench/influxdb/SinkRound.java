package io.pulse.bench.influxdb;

import io.pulse.bench.LocalFlink;
import io.pulse.connectors.influxdb.InfluxSink;

import org.apache.flink.api.common.JobExecutionResult;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

import java.util.concurrent.TimeUnit;

/**
 * (a) A Flink job, a sequence generator source ({@code fromSequence}) chained to the InfluxDB
 * sink, parallelism 1 like the one
 * connection of the raw side. Timed by the job's net runtime (scheduling, deployment, all
 * writes and the final flush; not the local cluster's start).
 */
final class SinkRound {

    private SinkRound() {}

    static double pointsPerSecond(String url, long points, int batchSize, long tsBase) throws Exception {
        StreamExecutionEnvironment env = LocalFlink.environment(1);
        env.fromSequence(0, points - 1)
                .sinkTo(InfluxSink.<Long>builder()
                        .url(url)
                        .token("bench-token")
                        .org("pulse")
                        .bucket("bench")
                        .batchSize(batchSize)
                        .pointMapper(new BenchPoints.Mapper(tsBase))
                        .build());
        JobExecutionResult result = env.execute("influx-sink-benchmark");
        return points * 1_000.0 / result.getNetRuntime(TimeUnit.MILLISECONDS);
    }
}

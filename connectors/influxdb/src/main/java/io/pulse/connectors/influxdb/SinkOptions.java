package io.pulse.connectors.influxdb;

import io.pulse.connectors.influxdb.write.RetryPolicy;

import java.io.Serializable;
import java.time.Duration;

/** The validated settings of one {@link InfluxSink}; see {@link InfluxSinkBuilder}. */
record SinkOptions(String url, String token, String org, String bucket, InfluxPrecision precision,
                   int batchSize, Duration flushInterval, RetryPolicy retryPolicy, Duration requestTimeout)
        implements Serializable {

    /** Where the points go, for log lines and errors. Never the token. */
    String target() {
        return "InfluxDB " + url + " bucket '" + bucket + "' (org '" + org + "')";
    }

    @Override
    public String toString() {
        return target() + ", precision " + precision.wireName() + ", batches of " + batchSize + " or every "
                + flushInterval.toMillis() + " ms, " + retryPolicy.maxAttempts() + " attempts";
    }
}

package io.pulse.jobs.storage;

import io.pulse.connectors.influxdb.InfluxPointMapper;
import io.pulse.connectors.influxdb.InfluxSink;
import io.pulse.connectors.influxdb.InfluxSinkBuilder;
import io.pulse.jobs.options.JobOptions;
import io.pulse.jobs.options.Option;

import java.time.Duration;
import java.util.Optional;

/**
 * The time-series side of a job's outputs: an InfluxDB v2 sink built from the job's
 * {@code --influx.*} options, or none at all when {@code --influx.url} is absent.
 */
public final class TimeSeriesSetup {

    private TimeSeriesSetup() {}

    /** The line a job prints at start about its time-series sink. */
    public static String describe(JobOptions options) {
        return options.influxUrl()
                .map(url -> "time-series sink on: " + JobOptions.maskUrl(url)
                        + options.influxBucket().map(bucket -> ", bucket " + bucket).orElse(""))
                .orElse("time-series sink off (no " + Option.INFLUX_URL.flag() + "): results go to MySQL only");
    }

    public static <T> Optional<InfluxSink<T>> sink(JobOptions options, InfluxPointMapper<T> mapper) {
        return sink(options, mapper, InfluxSinkBuilder.DEFAULT_FLUSH_INTERVAL);
    }

    /** As {@link #sink(JobOptions, InfluxPointMapper)}, a batch waiting at most {@code flushInterval}. */
    public static <T> Optional<InfluxSink<T>> sink(JobOptions options, InfluxPointMapper<T> mapper, Duration flushInterval) {
        if (options.influxUrl().isEmpty()) {
            return Optional.empty();
        }
        InfluxSinkBuilder<T> builder = InfluxSink.<T>builder().url(options.influxUrl().get()).pointMapper(mapper)
                .flushInterval(flushInterval);
        options.influxToken().ifPresent(builder::token);
        options.influxOrg().ifPresent(builder::org);
        options.influxBucket().ifPresent(builder::bucket);
        return Optional.of(builder.build());
    }
}

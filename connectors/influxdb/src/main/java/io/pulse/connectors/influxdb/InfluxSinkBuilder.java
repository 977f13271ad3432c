package io.pulse.connectors.influxdb;

import io.pulse.connectors.influxdb.write.RetryPolicy;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;

/**
 * Options of {@link InfluxSink}: {@code url}, {@code org}, {@code bucket} and {@code pointMapper}
 * (required); {@code token} (InfluxDB 2 needs one; servers that ignore it do not);
 * {@code precision} of the timestamps on the wire (default ms); {@code batchSize} (default
 * 5,000 points, InfluxDB's recommendation) and {@code flushInterval} (default 1 s): a batch goes
 * out when it is full or when its oldest point has waited that long, and always before a
 * checkpoint; {@code retries} (default 10 attempts, 0.2 s doubling to 5 s) and
 * {@code requestTimeout} (default 10 s).
 */
public final class InfluxSinkBuilder<T> {

    static final int MAX_BATCH_SIZE = 100_000;

    private String url;
    private String token;
    private String org;
    private String bucket;
    private InfluxPrecision precision = InfluxPrecision.MILLISECONDS;
    private int batchSize = 5_000;
    /** How long a point may wait for its batch by default. */
    public static final Duration DEFAULT_FLUSH_INTERVAL = Duration.ofSeconds(1);

    private Duration flushInterval = DEFAULT_FLUSH_INTERVAL;
    private RetryPolicy retryPolicy = RetryPolicy.DEFAULT;
    private Duration requestTimeout = Duration.ofSeconds(10);
    private InfluxPointMapper<T> mapper;

    InfluxSinkBuilder() {}

    /** {@code http://host:8086} or {@code https://...}: the server root, without {@code /api/v2/write}. */
    public InfluxSinkBuilder<T> url(String url) {
        this.url = url;
        return this;
    }

    public InfluxSinkBuilder<T> token(String token) {
        this.token = token;
        return this;
    }

    public InfluxSinkBuilder<T> org(String org) {
        this.org = org;
        return this;
    }

    public InfluxSinkBuilder<T> bucket(String bucket) {
        this.bucket = bucket;
        return this;
    }

    public InfluxSinkBuilder<T> precision(InfluxPrecision precision) {
        this.precision = precision;
        return this;
    }

    public InfluxSinkBuilder<T> batchSize(int batchSize) {
        this.batchSize = batchSize;
        return this;
    }

    public InfluxSinkBuilder<T> flushInterval(Duration flushInterval) {
        this.flushInterval = flushInterval;
        return this;
    }

    /** Up to {@code maxAttempts} requests per batch, waiting {@code initialBackoff} doubling to {@code maxBackoff}. */
    public InfluxSinkBuilder<T> retries(int maxAttempts, Duration initialBackoff, Duration maxBackoff) {
        this.retryPolicy = new RetryPolicy(maxAttempts, initialBackoff, maxBackoff);
        return this;
    }

    /** Connect, send and response timeout of one write request; a timeout is retried. */
    public InfluxSinkBuilder<T> requestTimeout(Duration requestTimeout) {
        this.requestTimeout = requestTimeout;
        return this;
    }

    public InfluxSinkBuilder<T> pointMapper(InfluxPointMapper<T> mapper) {
        this.mapper = mapper;
        return this;
    }

    public InfluxSink<T> build() {
        checkUrl(url);
        if (org == null || org.isBlank()) {
            throw new IllegalArgumentException("InfluxDB sink needs an org (influx.org)");
        }
        if (bucket == null || bucket.isBlank()) {
            throw new IllegalArgumentException("InfluxDB sink needs a bucket (influx.bucket)");
        }
        if (precision == null) {
            throw new IllegalArgumentException("InfluxDB sink precision must not be null");
        }
        if (batchSize < 1 || batchSize > MAX_BATCH_SIZE) {
            throw new IllegalArgumentException("InfluxDB sink batchSize must be between 1 and " + MAX_BATCH_SIZE
                    + ", got " + batchSize);
        }
        if (flushInterval == null || flushInterval.toMillis() < 1) {
            throw new IllegalArgumentException("InfluxDB sink flushInterval must be at least 1 ms, got " + flushInterval);
        }
        if (requestTimeout == null || requestTimeout.toMillis() < 1) {
            throw new IllegalArgumentException("InfluxDB sink requestTimeout must be at least 1 ms, got " + requestTimeout);
        }
        if (mapper == null) {
            throw new IllegalArgumentException("InfluxDB sink needs a pointMapper (record -> points)");
        }
        SinkOptions options = new SinkOptions(stripTrailingSlash(url), token, org, bucket, precision, batchSize,
                flushInterval, retryPolicy, requestTimeout);
        return new InfluxSink<>(options, mapper);
    }

    private static void checkUrl(String url) {
        if (url == null || url.isBlank()) {
            throw new IllegalArgumentException("InfluxDB sink needs a url (influx.url), e.g. http://localhost:8086");
        }
        try {
            URI uri = new URI(url);
            if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) || uri.getHost() == null) {
                throw new IllegalArgumentException("InfluxDB url must be http://host:port or https://host:port, got '"
                        + url + "'");
            }
            if (uri.getPath() != null && uri.getPath().contains("/api/v2/write")) {
                throw new IllegalArgumentException("InfluxDB url is the server root, without /api/v2/write, got '"
                        + url + "'");
            }
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("InfluxDB url '" + url + "' is not a URL: " + e.getMessage());
        }
    }

    private static String stripTrailingSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}

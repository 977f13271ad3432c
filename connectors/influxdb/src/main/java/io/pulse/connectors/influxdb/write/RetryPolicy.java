package io.pulse.connectors.influxdb.write;

import java.io.Serializable;
import java.time.Duration;

/**
 * Bounded retries with exponential backoff: at most {@code maxAttempts} requests per batch, the
 * wait doubling from {@code initialBackoff} up to {@code maxBackoff}. When they are used up the
 * job fails and restarts from its last checkpoint, which is safe because nothing buffered was
 * acknowledged to Flink yet.
 */
public record RetryPolicy(int maxAttempts, Duration initialBackoff, Duration maxBackoff) implements Serializable {

    /** 10 attempts, 0.2 s doubling to 5 s: rides out ~26 s of outage without a restart. */
    public static final RetryPolicy DEFAULT = new RetryPolicy(10, Duration.ofMillis(200), Duration.ofSeconds(5));

    public RetryPolicy {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("InfluxDB sink maxAttempts must be >= 1, got " + maxAttempts);
        }
        if (initialBackoff == null || maxBackoff == null || initialBackoff.isNegative() || initialBackoff.isZero()
                || maxBackoff.compareTo(initialBackoff) < 0) {
            throw new IllegalArgumentException("InfluxDB sink retry backoff needs 0 < initial <= max, got "
                    + initialBackoff + ", " + maxBackoff);
        }
    }

    /** Wait before retry number {@code retry} (0 for the first retry, i.e. the second attempt). */
    public long backoffMillis(int retry) {
        long delay = initialBackoff.toMillis() << Math.min(Math.max(retry, 0), 30);
        return Math.min(delay, maxBackoff.toMillis());
    }

    /** The longest outage the retries bridge: the sum of all waits. */
    public Duration totalBackoff() {
        long total = 0;
        for (int retry = 0; retry < maxAttempts - 1; retry++) {
            total += backoffMillis(retry);
        }
        return Duration.ofMillis(total);
    }
}

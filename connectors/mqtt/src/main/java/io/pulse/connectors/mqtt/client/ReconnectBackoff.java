package io.pulse.connectors.mqtt.client;

import java.io.Serializable;
import java.time.Duration;

/** Exponential backoff between reconnect attempts: initial, doubled each attempt, capped. */
public record ReconnectBackoff(Duration initial, Duration max) implements Serializable {

    /**
     * Capped at 5 s: after a broker restart a job is back within seconds (a 30 s cap kept one
     * session away 30 s longer than the broker, and its devices looked silent); an attempt is one
     * TCP connect and one log line.
     */
    public static final ReconnectBackoff DEFAULT = new ReconnectBackoff(Duration.ofMillis(500), Duration.ofSeconds(5));

    public ReconnectBackoff {
        if (initial.isNegative() || initial.isZero() || max.compareTo(initial) < 0) {
            throw new IllegalArgumentException("reconnect backoff needs 0 < initial <= max, got " + initial + ", " + max);
        }
    }

    /** Delay before attempt number {@code attempt} (0 for the first retry). */
    public long delayMillis(int attempt) {
        long delay = initial.toMillis() << Math.min(attempt, 20);
        return Math.min(delay, max.toMillis());
    }
}

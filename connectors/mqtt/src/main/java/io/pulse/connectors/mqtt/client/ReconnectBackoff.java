package io.pulse.connectors.mqtt.client;

import java.io.Serializable;
import java.time.Duration;

/** Exponential backoff between reconnect attempts: initial, doubled each attempt, capped. */
public record ReconnectBackoff(Duration initial, Duration max) implements Serializable {

    public static final ReconnectBackoff DEFAULT = new ReconnectBackoff(Duration.ofMillis(500), Duration.ofSeconds(30));

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

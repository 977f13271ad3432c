package io.pulse.bridge.config;

import java.nio.file.Path;

/**
 * The on-disk store-and-forward queue: its directory (it must survive restarts, e.g.
 * {@code /var/lib/pulse-modbus-bridge}) and how many readings it may hold before it drops the
 * oldest.
 */
public record QueueSettings(String directory, Long maxReadings) {

    public static final long DEFAULT_MAX_READINGS = 1_000_000;

    public QueueSettings {
        if (maxReadings == null) {
            maxReadings = DEFAULT_MAX_READINGS;
        }
    }

    public Path path() {
        return Path.of(directory);
    }
}

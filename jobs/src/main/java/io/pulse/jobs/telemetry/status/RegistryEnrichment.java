package io.pulse.jobs.telemetry.status;

import io.pulse.jobs.storage.DatabaseConnections;
import io.pulse.jobs.storage.JdbcSettings;
import io.pulse.jobs.telemetry.alerts.AlertInput;

import io.pulse.jobs.wiring.ClassLoaderRelease;

import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.functions.RichMapFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.StringJoiner;

/**
 * Adds what the {@code devices} table knows about a device to its readings: a display name for
 * alert messages ("name, location") and the expected interval that replaces the default OFFLINE
 * timeout. Each device's row is read on first sight and again after {@code reloadEvery}, so
 * devices added or renamed at run time are picked up. A database problem never stops alerting:
 * the reading goes on without (or with the last known) registry data and is tried again later.
 */
public final class RegistryEnrichment extends RichMapFunction<AlertInput, AlertInput> {

    private static final Logger LOG = LoggerFactory.getLogger(RegistryEnrichment.class);
    private static final String QUERY = "SELECT name, location, expected_interval_ms FROM devices WHERE device_id = ?";

    private record Entry(String displayName, Duration expectedInterval, long loadedAt) {}

    private final JdbcSettings settings;
    private final long reloadEveryMs;
    private transient Map<String, Entry> cache;
    private transient Connection connection;

    public RegistryEnrichment(JdbcSettings settings, Duration reloadEvery) {
        this.settings = settings;
        this.reloadEveryMs = reloadEvery.toMillis();
    }

    @Override
    public void open(OpenContext context) {
        ClassLoaderRelease.register(getRuntimeContext()); // the driver's cleanup thread
    }

    @Override
    public AlertInput map(AlertInput input) {
        if (cache == null) {
            cache = new HashMap<>();
        }
        long now = System.currentTimeMillis();
        Entry entry = cache.get(input.deviceId());
        if (entry == null || now - entry.loadedAt() >= reloadEveryMs) {
            entry = load(input.deviceId(), entry, now);
            cache.put(input.deviceId(), entry);
        }
        return entry.displayName() == null && entry.expectedInterval() == null
                ? input : input.withRegistry(entry.displayName(), entry.expectedInterval());
    }

    private Entry load(String deviceId, Entry previous, long now) {
        try {
            if (connection == null || !connection.isValid(2)) {
                close();
                connection = DatabaseConnections.connect(settings);
            }
            try (PreparedStatement statement = connection.prepareStatement(QUERY)) {
                statement.setString(1, deviceId);
                try (ResultSet row = statement.executeQuery()) {
                    if (!row.next()) {
                        return new Entry(null, null, now);
                    }
                    long interval = row.getLong(3);
                    return new Entry(displayName(row.getString(1), row.getString(2)),
                            row.wasNull() || interval <= 0 ? null : Duration.ofMillis(interval), now);
                }
            }
        } catch (SQLException e) {
            LOG.warn("device registry unavailable on {} ({}); alerts for '{}' go on without it",
                    settings, DatabaseConnections.rootMessage(e), deviceId);
            close();
            return previous != null ? new Entry(previous.displayName(), previous.expectedInterval(), now)
                    : new Entry(null, null, now);
        }
    }

    static String displayName(String name, String location) {
        StringJoiner joined = new StringJoiner(", ");
        if (name != null && !name.isBlank()) {
            joined.add(name);
        }
        if (location != null && !location.isBlank()) {
            joined.add(location);
        }
        return joined.length() == 0 ? null : joined.toString();
    }

    @Override
    public void close() {
        DatabaseConnections.closeQuietly(connection);
        connection = null;
    }
}

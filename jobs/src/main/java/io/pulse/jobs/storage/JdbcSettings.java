package io.pulse.jobs.storage;

import java.io.Serializable;
import java.util.Objects;

/**
 * Where the MySQL database is and how the sinks write to it. Batches are written when
 * {@code batchSize} rows are buffered, {@code batchIntervalMs} after the first buffered row, and
 * before every checkpoint; a failed batch is retried {@code maxRetries} times with a growing
 * pause, then the job fails and restarts from its checkpoint.
 */
public record JdbcSettings(String url, String user, String password, int batchSize, long batchIntervalMs, int maxRetries)
        implements Serializable {

    public static final int DEFAULT_BATCH_SIZE = 500;
    public static final long DEFAULT_BATCH_INTERVAL_MS = 1_000;
    public static final int DEFAULT_MAX_RETRIES = 5;

    public JdbcSettings {
        Objects.requireNonNull(url, "jdbc url");
        if (batchSize < 1 || batchIntervalMs < 0 || maxRetries < 0) {
            throw new IllegalArgumentException("JDBC batch size must be >= 1, interval and retries >= 0");
        }
    }

    /** Parameters every Pulse connection needs; added to a URL that does not set them itself. */
    private static final String[][] REQUIRED_PARAMETERS = {
        {"rewriteBatchedStatements", "true"},          // one multi-row INSERT per batch
        {"connectionTimeZone", "UTC"},                  // all times are UTC
        {"forceConnectionTimeZoneToSession", "true"},   // ... on the server's side too
    };

    public static JdbcSettings of(String url, String user, String password) {
        return new JdbcSettings(withRequiredParameters(url), user, password,
                DEFAULT_BATCH_SIZE, DEFAULT_BATCH_INTERVAL_MS, DEFAULT_MAX_RETRIES);
    }

    static String withRequiredParameters(String url) {
        StringBuilder result = new StringBuilder(url);
        for (String[] parameter : REQUIRED_PARAMETERS) {
            if (!url.matches("(?i).*[?&]" + parameter[0] + "=.*")) {
                result.append(result.indexOf("?") < 0 ? '?' : '&').append(parameter[0]).append('=').append(parameter[1]);
            }
        }
        return result.toString();
    }

    public JdbcSettings withBatching(int size, long intervalMs, int retries) {
        return new JdbcSettings(url, user, password, size, intervalMs, retries);
    }

    /** The URL without its parameters, which may carry a password: for messages. */
    public String safeUrl() {
        int parameters = url.indexOf('?');
        return parameters < 0 ? url : url.substring(0, parameters);
    }

    @Override
    public String toString() {
        return safeUrl() + (user == null ? "" : " as " + user);
    }
}

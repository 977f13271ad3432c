package io.pulse.jobs.storage;

import java.io.Serializable;
import java.time.Duration;
import java.util.Objects;

/**
 * Where the MySQL database is and how the sinks write to it. Batches are written when
 * {@code batchSize} rows are buffered, {@code batchIntervalMs} after the first buffered row, and
 * before every checkpoint; a failed batch is retried {@code maxRetries} times with a growing
 * pause, then the job fails and restarts from its checkpoint.
 *
 * <p>Every wait has a deadline: a connection and its login must succeed within
 * {@code connectTimeoutMs}, and every answer of the server come within {@code socketTimeoutMs};
 * a database that accepts connections but never answers fails the wait with a message that names it.
 */
public record JdbcSettings(String url, String user, String password, int batchSize, long batchIntervalMs, int maxRetries,
        long connectTimeoutMs, long socketTimeoutMs) implements Serializable {

    public static final int DEFAULT_BATCH_SIZE = 500;
    public static final long DEFAULT_BATCH_INTERVAL_MS = 1_000;
    public static final int DEFAULT_MAX_RETRIES = 5;
    public static final long DEFAULT_CONNECT_TIMEOUT_MS = 10_000;
    public static final long DEFAULT_SOCKET_TIMEOUT_MS = 120_000;

    public JdbcSettings {
        Objects.requireNonNull(url, "jdbc url");
        if (batchSize < 1 || batchIntervalMs < 0 || maxRetries < 0) {
            throw new IllegalArgumentException("JDBC batch size must be >= 1, interval and retries >= 0");
        }
        if (connectTimeoutMs < 1 || socketTimeoutMs < 1 || connectTimeoutMs > Integer.MAX_VALUE || socketTimeoutMs > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("JDBC timeouts must be from 1 ms to " + Integer.MAX_VALUE + " ms");
        }
    }

    /** With the default timeouts. */
    public JdbcSettings(String url, String user, String password, int batchSize, long batchIntervalMs, int maxRetries) {
        this(url, user, password, batchSize, batchIntervalMs, maxRetries, DEFAULT_CONNECT_TIMEOUT_MS, DEFAULT_SOCKET_TIMEOUT_MS);
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
        return new JdbcSettings(url, user, password, size, intervalMs, retries, connectTimeoutMs, socketTimeoutMs);
    }

    public JdbcSettings withTimeouts(Duration connect, Duration socket) {
        return new JdbcSettings(url, user, password, batchSize, batchIntervalMs, maxRetries, connect.toMillis(), socket.toMillis());
    }

    /** {@code host:port} of the URL (the first host of several), for messages about waits. */
    public String hostAndPort() {
        String rest = url.substring(url.indexOf("//") + 2);
        int end = rest.length();
        for (char c : new char[] {'/', '?', ','}) {
            int i = rest.indexOf(c);
            if (i >= 0 && i < end) {
                end = i;
            }
        }
        String host = rest.substring(0, end);
        host = host.substring(host.lastIndexOf('@') + 1);
        return host.matches(".*:\\d+") ? host : host + ":3306";
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

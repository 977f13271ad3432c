package io.pulse.jobs.storage;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

/** Opens connections with errors that say which database could not be reached, and why. */
public final class DatabaseConnections {

    private DatabaseConnections() {}

    public static Connection open(JdbcSettings settings) {
        try {
            return DriverManager.getConnection(settings.url(), settings.user(), settings.password());
        } catch (SQLException e) {
            throw new StorageException("cannot connect to MySQL at " + settings + ": " + rootMessage(e), e);
        }
    }

    /** Closes a connection that may already be broken; there is nothing to report if that fails. */
    public static void closeQuietly(Connection connection) {
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException ignored) {
                // a broken connection has nothing left to release
            }
        }
    }

    /** The innermost cause's message, on one line: drivers wrap the useful part deeply. */
    public static String rootMessage(Throwable error) {
        Throwable root = error;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        return message.lines().findFirst().orElse(message).strip();
    }
}

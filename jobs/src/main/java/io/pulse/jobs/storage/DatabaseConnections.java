package io.pulse.jobs.storage;

import com.mysql.cj.jdbc.AbandonedConnectionCleanupThread;
import com.mysql.cj.jdbc.NonRegisteringDriver;

import io.pulse.jobs.options.Option;

import java.net.SocketTimeoutException;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.SQLTimeoutException;
import java.util.Collections;
import java.util.Optional;
import java.util.Properties;

/**
 * Opens connections with errors that say which database could not be reached, and why.
 *
 * <p>Through the driver itself, never {@code java.sql.DriverManager}: on a Flink cluster each job
 * has its own class loader, and DriverManager hands a driver only to the loader that registered it
 * ("No suitable driver" for the second job in a JVM) and keeps that loader alive after its job ended.
 */
public final class DatabaseConnections {

    private static final Driver DRIVER = driver();

    private DatabaseConnections() {}

    private static Driver driver() {
        try {
            return new NonRegisteringDriver();
        } catch (SQLException e) {
            throw new IllegalStateException("the MySQL driver cannot start: " + e.getMessage(), e);
        }
    }

    public static Connection open(JdbcSettings settings) {
        try {
            return connect(settings);
        } catch (SQLException e) {
            throw new StorageException("cannot connect to MySQL at " + settings + ": " + rootMessage(e), e);
        }
    }

    /**
     * A new connection, or the driver's exception. Connecting and logging in must be done within
     * the settings' connect timeout (a server that accepts and never answers fails with a message
     * naming its host and port), every later answer must come within the socket timeout.
     */
    public static Connection connect(JdbcSettings settings) throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("connectTimeout", Long.toString(settings.connectTimeoutMs()));
        // The login is bounded by the connect timeout too; statements get the socket timeout after it.
        properties.setProperty("socketTimeout", Long.toString(settings.connectTimeoutMs()));
        if (settings.user() != null) {
            properties.setProperty("user", settings.user());
        }
        if (settings.password() != null) {
            properties.setProperty("password", settings.password());
        }
        Connection connection;
        try {
            connection = DRIVER.connect(settings.url(), properties);
        } catch (SQLException e) {
            throw timedOut(e).<SQLException>map(connectPhase -> new SQLTimeoutException(connectPhase
                    ? settings.hostAndPort() + " did not accept a connection within " + seconds(settings.connectTimeoutMs())
                            + " (" + Option.JDBC_CONNECT_TIMEOUT.flag() + ")"
                    : settings.hostAndPort() + " accepted the connection but did not answer within "
                            + seconds(settings.connectTimeoutMs()) + " (" + Option.JDBC_CONNECT_TIMEOUT.flag()
                            + "; is it a MySQL server?)", e.getSQLState())).orElse(e);
        }
        if (connection == null) {
            throw new SQLException("not a MySQL JDBC URL: " + settings);
        }
        try {
            connection.setNetworkTimeout(Runnable::run, (int) settings.socketTimeoutMs());
        } catch (SQLException e) {
            closeQuietly(connection);
            throw e;
        }
        return connection;
    }

    /** Present when the failure was a timeout: true while connecting, false while waiting for an answer. */
    private static Optional<Boolean> timedOut(Throwable error) {
        for (Throwable t = error; t != null && t.getCause() != t; t = t.getCause()) {
            if (t instanceof SocketTimeoutException) {
                return Optional.of(String.valueOf(t.getMessage()).contains("connect"));
            }
        }
        return Optional.empty();
    }

    private static String seconds(long ms) {
        return ms % 1000 == 0 ? ms / 1000 + " s" : ms + " ms";
    }

    /**
     * Stops the driver's {@code mysql-cj-abandoned-connection-cleanup} thread, which the driver
     * starts once per class loader that loads it, and takes this class loader's drivers out of
     * {@code DriverManager}: either would keep a job's class loader in memory after the job ended.
     * Call only when that class loader is done with MySQL ({@link io.pulse.jobs.wiring.ClassLoaderRelease}).
     */
    public static void releaseDriver() {
        AbandonedConnectionCleanupThread.uncheckedShutdown(); // checked would require the caller's context class loader to be the driver's
        // Listing DriverManager's drivers is not read-only: for each driver registered in the JVM
        // it loads and initializes the class of that name in the caller's class loader, and the
        // jar's com.mysql.cj.jdbc.Driver registers itself when initialized, after the list was
        // taken. The first listing is for that side effect, the second finds what it registered.
        Collections.list(DriverManager.getDrivers());
        ClassLoader own = DatabaseConnections.class.getClassLoader();
        for (Driver driver : Collections.list(DriverManager.getDrivers())) {
            if (driver.getClass().getClassLoader() == own) {
                try {
                    DriverManager.deregisterDriver(driver);
                } catch (SQLException ignored) {
                    // not registered any more
                }
            }
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

package io.pulse.jobs.storage;

import javax.sql.DataSource;
import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.logging.Logger;

/**
 * A {@link DataSource} over {@link DatabaseConnections}, for libraries that want one (Flyway).
 * Given a URL instead, Flyway loads {@code com.mysql.cj.jdbc.Driver}, whose static initializer
 * registers it with {@code java.sql.DriverManager}: for ever, in a JVM where the jobs' classes
 * come from a job's class loader.
 */
final class DriverDataSource implements DataSource {

    private final JdbcSettings settings;
    private PrintWriter logWriter;
    private int loginTimeoutSeconds;

    DriverDataSource(JdbcSettings settings) {
        this.settings = settings;
    }

    @Override
    public Connection getConnection() throws SQLException {
        return DatabaseConnections.connect(settings);
    }

    @Override
    public Connection getConnection(String user, String password) throws SQLException {
        return DatabaseConnections.connect(JdbcSettings.of(settings.url(), user, password));
    }

    @Override
    public PrintWriter getLogWriter() {
        return logWriter;
    }

    @Override
    public void setLogWriter(PrintWriter out) {
        this.logWriter = out;
    }

    @Override
    public void setLoginTimeout(int seconds) {
        this.loginTimeoutSeconds = seconds;
    }

    @Override
    public int getLoginTimeout() {
        return loginTimeoutSeconds;
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        throw new SQLFeatureNotSupportedException("no java.util.logging here");
    }

    @Override
    public <T> T unwrap(Class<T> type) throws SQLException {
        if (type.isInstance(this)) {
            return type.cast(this);
        }
        throw new SQLException("not a wrapper of " + type.getName());
    }

    @Override
    public boolean isWrapperFor(Class<?> type) {
        return type.isInstance(this);
    }
}

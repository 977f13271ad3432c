package io.pulse.jobs.storage;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The database user dashboards read with: SELECT on Pulse's database, nothing else. Created or
 * updated by {@code pulse db migrate} when {@code PULSE_DB_READONLY_PASSWORD} is set; the password
 * comes from the environment only, so it is never in a file, a migration or Flyway's history.
 */
public final class ReadOnlyUser {

    public static final String PASSWORD_VARIABLE = "PULSE_DB_READONLY_PASSWORD";
    public static final String USER_VARIABLE = "PULSE_DB_READONLY_USER";
    public static final String DEFAULT_USER = "pulse_readonly";

    private ReadOnlyUser() {}

    /** Creates the user (or sets its password) and grants it SELECT on the current database. */
    public static void ensure(JdbcSettings settings, String user, String password) {
        if (!user.matches("[A-Za-z0-9_]{1,32}")) {
            throw new IllegalArgumentException("read-only user name must be 1-32 of A-Z a-z 0-9 _, got '" + user + "'");
        }
        try (Connection connection = DatabaseConnections.open(settings)) {
            String database = connection.getCatalog();
            try (PreparedStatement create = connection.prepareStatement("CREATE USER IF NOT EXISTS '" + user + "'@'%' IDENTIFIED BY ?");
                 PreparedStatement alter = connection.prepareStatement("ALTER USER '" + user + "'@'%' IDENTIFIED BY ?");
                 Statement grant = connection.createStatement()) {
                create.setString(1, password);
                create.execute();
                alter.setString(1, password);
                alter.execute();
                grant.execute("GRANT SELECT ON `" + database.replace("`", "``") + "`.* TO '" + user + "'@'%'");
            }
        } catch (SQLException e) {
            throw new StorageException("cannot create read-only user '" + user + "' on " + settings + ": "
                    + DatabaseConnections.rootMessage(e) + " (the migrating user needs CREATE USER and GRANT OPTION)", e);
        }
    }
}

package io.pulse.testservers;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A real MariaDB server (Debian package {@code mariadb-server}) standing in for MySQL, with a
 * database {@code pulse} and a user {@code pulse}/{@code pulse} owning it; root has no password
 * from 127.0.0.1 for admin work.
 *
 * <pre>{@code
 * @RegisterExtension static final MariaDbServer DB = MariaDbServer.create();
 * try (Connection c = DriverManager.getConnection(DB.jdbcUrl(), DB.user(), DB.password())) { ... }
 * }</pre>
 *
 * <p>It reports its real version, as the stock server users run does ({@code 5.5.5-10.11.x-MariaDB}):
 * a test kit that faked a newer one once hid milliseconds that mysql-connector-j drops for such a
 * server. Pulse binds times as text for that reason (UpsertTable).
 */
public final class MariaDbServer extends ChildProcessServer {

    private static final String DATABASE = "pulse";
    private static final String USER = "pulse";
    private static final String PASSWORD = "pulse";
    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z0-9_]{1,64}");

    /**
     * sslMode: the test server has no certificates. connectionTimeZone + force...ToSession: the
     * driver and the session both use UTC, as Pulse stores every time in UTC.
     */
    private static final String URL_PARAMS = "?sslMode=DISABLED&allowPublicKeyRetrieval=true&connectTimeout=10000"
            + "&rewriteBatchedStatements=true&connectionTimeZone=UTC&forceConnectionTimeZoneToSession=true";

    private static final boolean ROOT = "root".equals(System.getProperty("user.name"));

    private MariaDbServer() {
        super("mariadb");
    }

    public static MariaDbServer create() {
        return new MariaDbServer();
    }

    /** JDBC URL of the {@code pulse} database. */
    public String jdbcUrl() {
        return jdbcUrl(DATABASE);
    }

    /** JDBC URL of another database on this server (see {@link #createDatabase}). */
    public String jdbcUrl(String database) {
        return "jdbc:mysql://" + host() + ":" + port() + "/" + database + URL_PARAMS;
    }

    /** The application user, {@code pulse}. */
    public String user() {
        return USER;
    }

    public String password() {
        return PASSWORD;
    }

    /** Admin URL with {@code user=root} and no password in it: {@code DriverManager.getConnection(rootJdbcUrl())}. */
    public String rootJdbcUrl() {
        return "jdbc:mysql://" + host() + ":" + port() + "/" + URL_PARAMS + "&user=root";
    }

    /**
     * Creates an empty database (if absent) that {@link #user()} owns, so a test can isolate its
     * tables from the others'.
     *
     * @return its JDBC URL
     */
    public String createDatabase(String name) {
        if (!IDENTIFIER.matcher(name).matches()) {
            throw new IllegalArgumentException("database name must match " + IDENTIFIER + ": " + name);
        }
        try (Connection c = DriverManager.getConnection(rootJdbcUrl()); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE IF NOT EXISTS `" + name + "` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
            s.execute("GRANT ALL PRIVILEGES ON `" + name + "`.* TO '" + USER + "'@'%'");
        } catch (SQLException e) {
            throw new IllegalStateException("could not create database " + name + " on " + this, e);
        }
        return jdbcUrl(name);
    }

    @Override
    protected void prepare(Path dir, int port) throws Exception {
        Path installer = RequiredBinary.find("mariadb-install-db", "mariadb-server");
        RequiredBinary.find("mariadbd", "mariadb-server");
        List<String> install = new ArrayList<>(List.of(installer.toString(),
                "--no-defaults",
                "--datadir=" + dir.resolve("data"),
                "--auth-root-authentication-method=normal", // root: password login, empty password
                "--skip-test-db",
                "--skip-name-resolve")); // grants by IP: no 'root'@'<hostname>' rows, no DNS lookups
        if (ROOT) {
            install.add("--user=root");
        }
        Files.createDirectories(dir.resolve("tmp"));
        run(install, Duration.ofSeconds(120));
    }

    @Override
    protected List<String> command(Path dir, int port) {
        List<String> cmd = new ArrayList<>(List.of(RequiredBinary.find("mariadbd", "mariadb-server").toString(),
                "--no-defaults", // never read the machine's /etc/mysql config
                "--datadir=" + dir.resolve("data"),
                "--tmpdir=" + dir.resolve("tmp"),
                "--port=" + port,
                "--bind-address=127.0.0.1",
                "--socket=" + dir.resolve("mysqld.sock"),
                "--pid-file=" + dir.resolve("mariadbd.pid"),
                "--skip-log-bin",
                "--skip-name-resolve",
                "--innodb-buffer-pool-size=64M",
                // Commits reach the OS without an fsync: a killed server loses nothing (only a
                // machine crash would), and tests that insert row by row run much faster.
                "--innodb-flush-log-at-trx-commit=2",
                // --no-defaults would leave latin1 and the host's time zone; match MySQL 8 / UTC.
                "--character-set-server=utf8mb4",
                "--collation-server=utf8mb4_unicode_ci",
                "--default-time-zone=+00:00"));
        if (ROOT) {
            cmd.add("--user=root");
        }
        return cmd;
    }

    @Override
    protected void afterStart(Path dir, int port, boolean firstStart) throws Exception {
        // The port opens a moment before the server serves logins (and after crash recovery).
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (true) {
            try (Connection c = DriverManager.getConnection(rootJdbcUrl()); Statement s = c.createStatement()) {
                if (firstStart) {
                    s.execute("DELETE FROM mysql.global_priv WHERE User = ''"); // anonymous users
                    s.execute("FLUSH PRIVILEGES");
                    s.execute("CREATE USER IF NOT EXISTS '" + USER + "'@'%' IDENTIFIED BY '" + PASSWORD + "'");
                    s.execute("CREATE DATABASE IF NOT EXISTS `" + DATABASE + "` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
                    s.execute("GRANT ALL PRIVILEGES ON `" + DATABASE + "`.* TO '" + USER + "'@'%'");
                } else {
                    s.execute("SELECT 1");
                }
                return;
            } catch (SQLException notReady) {
                if (System.nanoTime() > deadline || !isRunning()) {
                    throw failure("no JDBC login as root: " + notReady);
                }
                Thread.sleep(50);
            }
        }
    }
}

package io.pulse.testservers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class MariaDbServerITCase {

    @RegisterExtension
    static final MariaDbServer DB = MariaDbServer.create();

    @Test
    void itIsTheStockServerVersionAndDatetime3KeepsMillisecondsBoundAsText() throws Exception {
        assertThat(DB.port()).isNotEqualTo(3306);
        assertThat(DB.jdbcUrl()).startsWith("jdbc:mysql://127.0.0.1:" + DB.port() + "/pulse?");
        LocalDateTime ts = LocalDateTime.of(2026, 3, 2, 8, 0, 1, 250_000_000);
        try (Connection c = pulse(DB.jdbcUrl()); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE ms_check (id INT PRIMARY KEY, at DATETIME(3) NOT NULL)");
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO ms_check VALUES (?, ?)")) {
                insert.setInt(1, 1);
                // As Pulse's UpsertTable binds times: mysql-connector-j takes the stock "5.5.5-..."
                // version for MySQL 5.5 and would drop the milliseconds of a LocalDateTime.
                insert.setString(2, "2026-03-02 08:00:01.250");
                insert.executeUpdate();
            }
            try (ResultSet rs = s.executeQuery("SELECT at, DATE_FORMAT(at, '%f') FROM ms_check WHERE id = 1")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getObject(1, LocalDateTime.class)).isEqualTo(ts);
                assertThat(rs.getString(2)).isEqualTo("250000"); // stored, not just rounded on the way back
            }
            assertThat(c.getMetaData().getDatabaseProductVersion()).as("the real version, as users' servers report it")
                    .startsWith("5.5.5-").contains("-MariaDB");
        }
    }

    @Test
    void sessionsAreUtcAndUtf8mb4() throws Exception {
        try (Connection c = pulse(DB.jdbcUrl()); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT @@session.time_zone, @@character_set_database, "
                     + "TIMESTAMPDIFF(SECOND, UTC_TIMESTAMP(), NOW())")) {
            rs.next();
            assertThat(rs.getString(1)).isIn("UTC", "+00:00");
            assertThat(rs.getString(2)).isEqualTo("utf8mb4");
            assertThat(rs.getInt(3)).isZero();
        }
    }

    @Test
    void createDatabaseIsolatesATestAndBelongsToThePulseUser() throws Exception {
        String urlA = DB.createDatabase("iso_a");
        String urlB = DB.createDatabase("iso_b");
        assertThat(urlA).isEqualTo(DB.jdbcUrl("iso_a"));
        try (Connection a = pulse(urlA); Statement s = a.createStatement()) {
            s.execute("CREATE TABLE only_in_a (x INT)");
        }
        try (Connection b = pulse(urlB); Statement s = b.createStatement();
             ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM information_schema.tables"
                     + " WHERE table_schema = DATABASE() AND table_name = 'only_in_a'")) {
            rs.next();
            assertThat(rs.getInt(1)).isZero();
        }
        assertThatThrownBy(() -> DB.createDatabase("bad-name; DROP")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void rootLogsInWithoutPasswordAndPulseUserIsConfinedToItsDatabases() throws Exception {
        try (Connection root = DriverManager.getConnection(DB.rootJdbcUrl()); Statement s = root.createStatement();
             ResultSet rs = s.executeQuery("SELECT CURRENT_USER()")) {
            rs.next();
            assertThat(rs.getString(1)).isEqualTo("root@127.0.0.1");
        }
        try (Connection c = pulse(DB.jdbcUrl()); Statement s = c.createStatement()) {
            assertThatThrownBy(() -> s.execute("CREATE DATABASE not_granted")).isInstanceOf(SQLException.class);
        }
        assertThatThrownBy(() -> DriverManager.getConnection(DB.jdbcUrl(), DB.user(), "wrong"))
                .isInstanceOf(SQLException.class);
    }

    @Test
    void restartKeepsDataAndPort() throws Exception {
        int port = DB.port();
        try (Connection c = pulse(DB.jdbcUrl()); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE survives_restart (v VARCHAR(20))");
            s.execute("INSERT INTO survives_restart VALUES ('kept')");
        }
        DB.restart();
        assertThat(DB.port()).isEqualTo(port);
        assertThat(singleString("SELECT v FROM survives_restart")).isEqualTo("kept");
    }

    @Test
    void killRefusesConnectionsAndCommittedRowsSurviveTheCrash() throws Exception {
        int port = DB.port();
        try (Connection c = pulse(DB.jdbcUrl()); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE survives_kill (v VARCHAR(20))");
            s.execute("INSERT INTO survives_kill VALUES ('committed')");
        }
        DB.kill();
        assertThatThrownBy(() -> connectTcp(port)).isInstanceOf(IOException.class);
        assertThatThrownBy(() -> pulse(DB.jdbcUrl())).isInstanceOf(SQLException.class);

        DB.start(); // InnoDB crash recovery
        assertThat(DB.port()).isEqualTo(port);
        assertThat(singleString("SELECT v FROM survives_kill")).isEqualTo("committed");
    }

    @Test
    void aFreshServerStartsQuickly() {
        long started = System.nanoTime();
        try (MariaDbServer fresh = MariaDbServer.create()) {
            fresh.start(); // mariadb-install-db + mariadbd + user/database setup
            long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
            System.out.println("fresh MariaDB ready in " + millis + " ms");
            assertThat(millis).isLessThan(15_000);
            assertThat(fresh.port()).isNotEqualTo(DB.port());
        }
    }

    private static Connection pulse(String url) throws SQLException {
        return DriverManager.getConnection(url, DB.user(), DB.password());
    }

    private static String singleString(String sql) throws SQLException {
        try (Connection c = pulse(DB.jdbcUrl()); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            assertThat(rs.next()).isTrue();
            return rs.getString(1);
        }
    }

    private static void connectTcp(int port) throws IOException {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 1000);
        }
    }
}

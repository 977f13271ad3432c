package io.pulse.jobs.storage;

import io.pulse.testservers.FreePorts;
import io.pulse.testservers.MariaDbServer;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SchemaMigratorITCase {

    @RegisterExtension
    static final MariaDbServer DB = MariaDbServer.create();

    /** The contract's tables and the columns it fixes (more columns are allowed). */
    private static final Map<String, List<String>> CONTRACT = Map.ofEntries(
            Map.entry("visits", List.of("person_id", "entered_at", "exited_at", "entry_gate", "exit_gate", "dwell_seconds", "exit_unseen")),
            Map.entry("alerts", List.of("alert_id", "device_id", "type", "severity", "opened_at", "resolved_at", "value", "message")),
            Map.entry("energy_5min", List.of("meter_id", "window_start", "window_end", "energy_wh", "avg_power_w", "min_power_w",
                    "max_power_w", "avg_voltage_v", "avg_current_a", "samples", "coverage")),
            Map.entry("rejected_messages", List.of("received_at", "topic", "reason", "payload")),
            Map.entry("people", List.of("person_id", "roll_no", "year", "gender", "hostel", "branch", "stream")),
            Map.entry("devices", List.of("device_id")),
            Map.entry("device_status", List.of("device_id")),
            Map.entry("occupancy", List.of()),
            Map.entry("gate_traffic_hourly", List.of()),
            Map.entry("movement_anomalies", List.of()),
            Map.entry("energy_daily", List.of()));

    @Test
    void createsEveryContractTableOnAnEmptyDatabaseAndIsReRunnable() throws SQLException {
        JdbcSettings settings = JdbcSettings.of(DB.createDatabase("migrate_fresh"), DB.user(), DB.password());

        assertThat(SchemaMigrator.migrate(settings)).isEqualTo("schema at version 3 (3 migrations applied)");
        for (Map.Entry<String, List<String>> table : CONTRACT.entrySet()) {
            assertThat(columns(settings, table.getKey())).as(table.getKey()).containsAll(table.getValue()).isNotEmpty();
        }
        assertThat(columnType(settings, "visits", "entered_at")).isEqualTo("datetime(3)");
        assertThat(columnType(settings, "visits", "person_id")).isEqualTo("char(64)");

        assertThat(SchemaMigrator.migrate(settings)).isEqualTo("schema at version 3 (0 migrations applied)");
    }

    @Test
    void anUnreachableDatabaseIsOneLineNamingIt() {
        int closedPort = FreePorts.find();
        JdbcSettings settings = JdbcSettings.of("jdbc:mysql://127.0.0.1:" + closedPort + "/pulse?connectTimeout=2000", "pulse", "secret");
        assertThatThrownBy(() -> SchemaMigrator.migrate(settings))
                .isInstanceOf(StorageException.class)
                .hasMessageStartingWith("cannot connect to MySQL at jdbc:mysql://127.0.0.1:" + closedPort + "/pulse as pulse: ")
                .hasMessageContaining("Connection refused")
                .hasMessageNotContaining("secret")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
    }

    @Test
    void theReadOnlyUserCanReadButNotWrite() throws SQLException {
        String url = DB.createDatabase("migrate_readonly");
        JdbcSettings admin = JdbcSettings.of(url, "root", "");
        SchemaMigrator.migrate(admin);
        ReadOnlyUser.ensure(admin, "dashboards", "read-only-pw");
        ReadOnlyUser.ensure(admin, "dashboards", "read-only-pw2"); // again: password changes, no error

        try (Connection reader = DriverManager.getConnection(admin.url(), "dashboards", "read-only-pw2");
             Statement statement = reader.createStatement()) {
            try (ResultSet rows = statement.executeQuery("SELECT COUNT(*) FROM alerts")) {
                assertThat(rows.next()).isTrue();
                assertThat(rows.getInt(1)).isZero();
            }
            assertThatThrownBy(() -> statement.executeUpdate("DELETE FROM alerts"))
                    .isInstanceOf(SQLException.class).hasMessageContaining("denied");
        }
    }

    private static List<String> columns(JdbcSettings settings, String table) throws SQLException {
        List<String> names = new ArrayList<>();
        try (Connection connection = DatabaseConnections.open(settings);
             ResultSet rows = connection.getMetaData().getColumns(connection.getCatalog(), null, table, null)) {
            while (rows.next()) {
                names.add(rows.getString("COLUMN_NAME"));
            }
        }
        return names;
    }

    private static String columnType(JdbcSettings settings, String table, String column) throws SQLException {
        try (Connection connection = DatabaseConnections.open(settings);
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT COLUMN_TYPE FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = DATABASE()"
                     + " AND TABLE_NAME = '" + table + "' AND COLUMN_NAME = '" + column + "'")) {
            rows.next();
            return rows.getString(1);
        }
    }
}

package io.pulse.grafana;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs SQL the way Grafana's MySQL data source does for Pulse: as the read-only dashboard user,
 * in a session with {@code time_zone = '+00:00'} (the provisioned {@code jsonData.timezone}).
 * The session also takes MySQL 8.4's default sql_mode, so that a query MariaDB would let pass
 * but MySQL would refuse (ONLY_FULL_GROUP_BY) fails here too.
 */
public final class ReadOnlySql {

    static final String MYSQL_84_SQL_MODE =
            "ONLY_FULL_GROUP_BY,STRICT_TRANS_TABLES,NO_ZERO_IN_DATE,NO_ZERO_DATE,ERROR_FOR_DIVISION_BY_ZERO,NO_ENGINE_SUBSTITUTION";

    private final String url;
    private final String user;
    private final String password;

    public ReadOnlySql(String url, String user, String password) {
        this.url = url;
        this.user = user;
        this.password = password;
    }

    public QueryResult query(String sql) {
        try (Connection c = DriverManager.getConnection(url, user, password); Statement s = c.createStatement()) {
            s.execute("SET time_zone = '+00:00'");
            s.execute("SET SESSION sql_mode = '" + MYSQL_84_SQL_MODE + "'");
            try (ResultSet r = s.executeQuery(sql)) {
                ResultSetMetaData meta = r.getMetaData();
                List<String> columns = new ArrayList<>();
                List<String> types = new ArrayList<>();
                for (int i = 1; i <= meta.getColumnCount(); i++) {
                    columns.add(meta.getColumnLabel(i));
                    types.add(meta.getColumnTypeName(i));
                }
                List<List<Object>> rows = new ArrayList<>();
                while (r.next()) {
                    List<Object> row = new ArrayList<>();
                    for (int i = 1; i <= columns.size(); i++) {
                        row.add(value(r, i, types.get(i - 1)));
                    }
                    rows.add(row);
                }
                return new QueryResult(sql, columns, types, rows);
            }
        } catch (SQLException e) {
            throw new AssertionError("query failed as " + user + ": " + e.getMessage() + "\n" + sql, e);
        }
    }

    private static Object value(ResultSet r, int i, String type) throws SQLException {
        if (type.startsWith("DATETIME") || type.startsWith("TIMESTAMP")) {
            return r.getObject(i, LocalDateTime.class);
        }
        if (type.equals("DATE")) {
            return r.getObject(i, java.time.LocalDate.class);
        }
        return r.getObject(i);
    }
}

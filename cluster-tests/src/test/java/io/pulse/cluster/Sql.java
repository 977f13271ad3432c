package io.pulse.cluster;

import io.pulse.jobs.storage.DatabaseConnections;
import io.pulse.jobs.storage.JdbcSettings;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/** Rows of a query as "a|b|c" lines; an error (the table does not exist yet) as no rows. */
final class Sql {

    private Sql() {}

    static List<String> rows(JdbcSettings jdbc, String sql) {
        List<String> rows = new ArrayList<>();
        try (Connection c = DatabaseConnections.open(jdbc); Statement s = c.createStatement(); ResultSet r = s.executeQuery(sql)) {
            ResultSetMetaData meta = r.getMetaData();
            while (r.next()) {
                List<String> cells = new ArrayList<>();
                for (int i = 1; i <= meta.getColumnCount(); i++) {
                    cells.add(String.valueOf(r.getString(i)));
                }
                rows.add(String.join("|", cells));
            }
        } catch (Exception notYet) {
            return List.of();
        }
        return rows;
    }
}

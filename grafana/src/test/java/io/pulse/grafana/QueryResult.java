package io.pulse.grafana;

import java.util.List;

/**
 * The rows an SQL query returned, as Grafana's MySQL data source receives them: column names,
 * their JDBC type names, and the values (numbers, strings, {@link java.time.LocalDateTime}s, nulls).
 */
public record QueryResult(String sql, List<String> columns, List<String> types, List<List<Object>> rows) {

    public int column(String name) {
        int index = columns.indexOf(name);
        if (index < 0) {
            throw new AssertionError("no column " + name + " in " + columns + " of\n" + sql);
        }
        return index;
    }

    /** The one value of a one-row result's column. */
    public Object single(String name) {
        if (rows.size() != 1) {
            throw new AssertionError("expected one row, got " + rows.size() + " of\n" + sql + "\n" + rows);
        }
        return rows.get(0).get(column(name));
    }

    public double singleNumber(String name) {
        return ((Number) single(name)).doubleValue();
    }

    public List<Object> values(String name) {
        int index = column(name);
        return rows.stream().map(r -> r.get(index)).toList();
    }

    @Override
    public String toString() {
        return columns + " " + rows;
    }
}

package io.pulse.jobs.storage;

import org.apache.flink.util.function.SerializableFunction;

import java.io.Serializable;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A job's output table, declared in a few lines: its key columns and its other columns, each with
 * the function that reads the value from a record. Written as
 * {@code INSERT ... ON DUPLICATE KEY UPDATE c = VALUES(c)} for every non-key column, which both
 * MySQL 8.4 and MariaDB accept: a record replayed after a failure, or a later update of the same
 * key, overwrites the row instead of adding one. A column declared with
 * {@link Builder#columnIfNull} is only filled in, never overwritten.
 *
 * <pre>{@code
 * UpsertTable<Alert> ALERTS = UpsertTable.<Alert>into("alerts")
 *         .key("alert_id", Alert::id)
 *         .column("device_id", Alert::deviceId)
 *         .column("resolved_at", Alert::resolvedAt)   // Instant, stored as UTC DATETIME(3)
 *         .build();
 * }</pre>
 */
public final class UpsertTable<T> implements Serializable {

    private static final long serialVersionUID = 1L;

    /** How a column is written on a duplicate key. */
    private enum Kind { KEY, OVERWRITE, IF_NULL }

    private record Column<T>(String name, Kind kind, SerializableFunction<T, ?> value) implements Serializable {
        boolean key() {
            return kind == Kind.KEY;
        }

        String onDuplicate() {
            String q = quote(name);
            return kind == Kind.IF_NULL ? q + " = COALESCE(" + q + ", VALUES(" + q + "))" : q + " = VALUES(" + q + ")";
        }
    }

    private final String table;
    private final List<Column<T>> columns;
    private final String sql;
    /** The statement's parts before and after its one row of markers, for {@link #sql(int)}. */
    private final String head;
    private final String tail;

    private UpsertTable(String table, List<Column<T>> columns) {
        this.table = table;
        this.columns = List.copyOf(columns);
        String names = columns.stream().map(c -> quote(c.name())).collect(Collectors.joining(", "));
        List<String> updates = columns.stream().filter(c -> !c.key()).map(Column::onDuplicate).toList();
        // A table of key columns only still needs a no-op update to stay idempotent.
        String onDuplicate = updates.isEmpty()
                ? quote(columns.get(0).name()) + " = " + quote(columns.get(0).name())
                : String.join(", ", updates);
        this.head = "INSERT INTO " + quote(table) + " (" + names + ") VALUES ";
        this.tail = " ON DUPLICATE KEY UPDATE " + onDuplicate;
        this.sql = sql(1);
    }

    public static <T> Builder<T> into(String table) {
        return new Builder<>(table);
    }

    public String table() {
        return table;
    }

    public String sql() {
        return sql;
    }

    /** The statement for {@code rows} records at once (multi-row VALUES), bound with {@link #bind(PreparedStatement, Object, int)}. */
    public String sql(int rows) {
        String marks = columns.stream().map(c -> "?").collect(Collectors.joining(", ", "(", ")"));
        return head + String.join(", ", Collections.nCopies(rows, marks)) + tail;
    }

    public int columnCount() {
        return columns.size();
    }

    /**
     * Binds one record's values, in column order. Times are written as UTC text to the millisecond:
     * mysql-connector-j takes a stock MariaDB ("5.5.5-10.11.x-MariaDB") for MySQL 5.5 and drops the
     * milliseconds of a date-time parameter; text reaches DATETIME(3) whole on MariaDB and MySQL.
     */
    public void bind(PreparedStatement statement, T record) throws SQLException {
        bind(statement, record, 0);
    }

    /** Binds one record's values as row {@code row} (from 0) of a {@link #sql(int)} statement. */
    public void bind(PreparedStatement statement, T record, int row) throws SQLException {
        int first = row * columns.size() + 1;
        for (int i = 0; i < columns.size(); i++) {
            Object value = columns.get(i).value().apply(record);
            int index = first + i;
            if (value == null) {
                statement.setNull(index, Types.NULL);
            } else if (value instanceof Instant instant) {
                statement.setString(index, SqlTimes.utc(instant));
            } else if (value instanceof Enum<?> e) {
                statement.setString(index, e.name());
            } else {
                statement.setObject(index, value);
            }
        }
    }

    private static String quote(String identifier) {
        return "`" + identifier + "`";
    }

    public static final class Builder<T> {
        private final String table;
        private final List<Column<T>> columns = new ArrayList<>();

        private Builder(String table) {
            this.table = checkIdentifier(table);
        }

        public Builder<T> key(String column, SerializableFunction<T, ?> value) {
            columns.add(new Column<>(checkIdentifier(column), Kind.KEY, value));
            return this;
        }

        public Builder<T> column(String column, SerializableFunction<T, ?> value) {
            columns.add(new Column<>(checkIdentifier(column), Kind.OVERWRITE, value));
            return this;
        }

        /**
         * A column written when the row is new, and on a duplicate key only while it is still NULL
         * ({@code c = COALESCE(c, VALUES(c))}): "insert if absent" for the columns a job fills in,
         * leaving every column the statement does not name (e.g. set by an operator) untouched.
         */
        public Builder<T> columnIfNull(String column, SerializableFunction<T, ?> value) {
            columns.add(new Column<>(checkIdentifier(column), Kind.IF_NULL, value));
            return this;
        }

        public UpsertTable<T> build() {
            if (columns.stream().noneMatch(Column::key)) {
                throw new IllegalArgumentException("table " + table + " needs at least one key column");
            }
            if (columns.stream().map(Column::name).distinct().count() != columns.size()) {
                throw new IllegalArgumentException("table " + table + " names a column twice");
            }
            return new UpsertTable<>(table, columns);
        }

        private static String checkIdentifier(String name) {
            if (name == null || !name.matches("[A-Za-z_][A-Za-z0-9_]{0,63}")) {
                throw new IllegalArgumentException("not a plain SQL identifier: '" + name + "'");
            }
            return name;
        }
    }
}

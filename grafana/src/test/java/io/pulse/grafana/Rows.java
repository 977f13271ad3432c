package io.pulse.grafana;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Reads query results in the terms the expectations use: instants, numbers, rows as maps. */
final class Rows {

    private Rows() {}

    /** A time value as Grafana reads it: a DATETIME (UTC), a DATE, or epoch seconds. */
    static Instant instant(Object value) {
        if (value instanceof LocalDateTime t) {
            return t.toInstant(ZoneOffset.UTC);
        }
        if (value instanceof LocalDate d) {
            return d.atStartOfDay().toInstant(ZoneOffset.UTC);
        }
        if (value instanceof Number n) {
            return Instant.ofEpochSecond(n.longValue());
        }
        throw new IllegalArgumentException("not a time: " + value);
    }

    static double number(Object value) {
        return ((Number) value).doubleValue();
    }

    /** Each row as column → value. */
    static List<Map<String, Object>> maps(QueryResult r) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (List<Object> row : r.rows()) {
            Map<String, Object> map = new TreeMap<>();
            for (int i = 0; i < r.columns().size(); i++) {
                map.put(r.columns().get(i), row.get(i));
            }
            out.add(map);
        }
        return out;
    }

    /** The row whose column {@code key} has {@code value} (compared as text). */
    static Map<String, Object> row(QueryResult r, String key, Object value) {
        return maps(r).stream().filter(m -> String.valueOf(m.get(key)).equals(String.valueOf(value))).findFirst()
                .orElseThrow(() -> new AssertionError("no row with " + key + " = " + value + " in " + r));
    }

    /** The row at a time (first column {@code time}). */
    static Map<String, Object> at(QueryResult r, Instant time) {
        return maps(r).stream().filter(m -> instant(m.get("time")).equals(time)).findFirst()
                .orElseThrow(() -> new AssertionError("no row at " + time + " in " + r));
    }
}

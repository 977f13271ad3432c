package io.pulse.grafana;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The series of one InfluxQL statement, as InfluxDB's {@code /query} returns them. */
public record InfluxResult(String query, List<Series> series) {

    /** One series: name, tags, and rows of values under the columns (the first is time). */
    public record Series(String name, Map<String, String> tags, List<String> columns, List<List<Object>> values) {

        /** The values of one column, in row order. */
        public List<Object> column(String name) {
            int index = columns.indexOf(name);
            if (index < 0) {
                throw new IllegalArgumentException("no column " + name + " in " + columns);
            }
            return values.stream().map(row -> row.get(index)).toList();
        }

        /** Whether any value column (not time) holds a value. */
        public boolean hasValues() {
            return values.stream().anyMatch(row -> row.subList(1, row.size()).stream().anyMatch(v -> v != null));
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    static InfluxResult parse(String query, String body) {
        try {
            JsonNode result = JSON.readTree(body).path("results").path(0);
            if (result.has("error")) {
                throw new IllegalStateException("InfluxQL error: " + result.get("error").asText() + "\nquery: " + query);
            }
            List<Series> series = new ArrayList<>();
            for (JsonNode s : result.path("series")) {
                Map<String, String> tags = new LinkedHashMap<>();
                s.path("tags").fields().forEachRemaining(t -> tags.put(t.getKey(), t.getValue().asText()));
                List<String> columns = new ArrayList<>();
                s.path("columns").forEach(c -> columns.add(c.asText()));
                List<List<Object>> values = new ArrayList<>();
                for (JsonNode row : s.path("values")) {
                    List<Object> cells = new ArrayList<>();
                    row.forEach(v -> cells.add(v.isNull() ? null : v.isNumber() ? (Object) v.numberValue() : v.asText()));
                    values.add(cells);
                }
                series.add(new Series(s.path("name").asText(), tags, columns, values));
            }
            return new InfluxResult(query, series);
        } catch (IOException e) {
            throw new IllegalStateException("not an InfluxDB answer: " + body, e);
        }
    }

    /** The series whose tag {@code key} is {@code value}. */
    public Series seriesTagged(String key, String value) {
        return series.stream().filter(s -> value.equals(s.tags().get(key))).findFirst()
                .orElseThrow(() -> new AssertionError("no series with " + key + "=" + value + " in " + this));
    }
}

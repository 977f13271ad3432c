package io.pulse.grafana;

import io.pulse.grafana.Dashboards.PanelQuery;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a query's rows must look like for its panel to draw them, as Grafana's SQL data sources
 * read them: a time series needs a {@code time} column first, in ascending order, then numeric
 * values (and at most a string {@code metric} column naming the series); a stat or bar gauge
 * needs a numeric value; a bar chart its x field first; every panel needs rows.
 */
public final class PanelShapes {

    private static final Set<String> NUMERIC = Set.of("TINYINT", "SMALLINT", "MEDIUMINT", "INT", "INTEGER", "BIGINT",
            "DECIMAL", "DOUBLE", "FLOAT", "REAL", "BIT", "BOOLEAN");

    private PanelShapes() {}

    public static boolean numeric(String jdbcType) {
        return NUMERIC.contains(jdbcType.replace(" UNSIGNED", ""));
    }

    public static void assertFits(PanelQuery q, QueryResult r) {
        String panelType = q.panel().path("type").asText();
        assertThat(r.rows()).as("rows of %s:\n%s", q, r.sql()).isNotEmpty();
        if ("time_series".equals(q.format())) {
            assertThat(r.columns().get(0)).as("first column of %s", q).isEqualTo("time");
            List<Object> times = r.values("time");
            assertThat(times).as("time values of %s", q).doesNotContainNull();
            for (int i = 1; i < times.size(); i++) {
                assertThat(compare(times.get(i - 1), times.get(i))).as("%s sorted by time at row %d", q, i).isLessThanOrEqualTo(0);
            }
            for (int i = 1; i < r.columns().size(); i++) {
                String column = r.columns().get(i);
                assertThat(numeric(r.types().get(i)) || column.equals("metric"))
                        .as("%s: column %s (%s) must be a number or the metric name", q, column, r.types().get(i)).isTrue();
            }
            assertThat(r.types().stream().skip(1).anyMatch(PanelShapes::numeric)).as("a value column in %s", q).isTrue();
            return;
        }
        switch (panelType) {
            case "stat", "bargauge" -> assertThat(r.types().stream().anyMatch(PanelShapes::numeric))
                    .as("%s needs a numeric column: %s %s", q, r.columns(), r.types()).isTrue();
            case "barchart" -> {
                assertThat(r.columns().get(0)).as("x field of %s", q).isEqualTo(q.panel().path("options").path("xField").asText());
                assertThat(r.types().stream().skip(1).allMatch(PanelShapes::numeric)).as("bars of %s: %s", q, r.types()).isTrue();
            }
            case "table" -> assertThat(r.columns()).as("columns of %s", q).isNotEmpty();
            default -> throw new AssertionError("no shape known for panel type " + panelType + " (" + q + ")");
        }
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static int compare(Object a, Object b) {
        if (a instanceof Number x && b instanceof Number y) {
            return Double.compare(x.doubleValue(), y.doubleValue());
        }
        if (a instanceof LocalDateTime x && b instanceof LocalDateTime y) {
            return x.compareTo(y);
        }
        return ((Comparable) a).compareTo(b);
    }
}

package io.pulse.grafana;

import io.pulse.grafana.Dashboards.Dashboard;
import io.pulse.grafana.Dashboards.PanelQuery;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Opens a dashboard as Grafana would at a given "now" on the stores of a Pulse ({@link DashboardStores}:
 * this module's {@link PulseRun}, or the compose topology of compose-tests): resolves
 * its template variables (each query variable runs with the variables before it substituted),
 * then, for a panel query, substitutes the variables, expands the data source's macros for the
 * panel's time range and interval, and runs it.
 */
public final class DashboardRunner {

    /** Pixels per grid column of a 1920 px wide dashboard: a panel's data points follow its width. */
    private static final int PIXELS_PER_COLUMN = 80;

    private final Dashboard dashboard;
    private final Instant now;
    private final DashboardStores stores;
    private final TemplateVariables variables = new TemplateVariables();
    private final Map<String, List<String>> options = new TreeMap<>();

    public DashboardRunner(Dashboard dashboard, Instant now, DashboardStores stores) {
        this.dashboard = dashboard;
        this.now = now;
        this.stores = stores;
        for (JsonNode variable : dashboard.variables()) {
            List<String> resolved = resolve(variable);
            options.put(variable.path("name").asText(), resolved);
            variables.resolve(variable, resolved);
        }
    }

    public static DashboardRunner at(String uid, Instant now, DashboardStores stores) {
        return new DashboardRunner(Dashboards.byUid(uid), now, stores);
    }

    /** The dashboard opened at the moment the stores say it is looked at. */
    public static DashboardRunner open(Dashboard dashboard, DashboardStores stores) {
        return new DashboardRunner(dashboard, stores.now(dashboard), stores);
    }

    public Dashboard dashboard() {
        return dashboard;
    }

    public Instant now() {
        return now;
    }

    /** The options a variable resolved to. */
    public List<String> options(String variable) {
        return options.get(variable);
    }

    public TemplateVariables variables() {
        return variables;
    }

    /** The SQL Grafana would send for a MySQL query of a panel. */
    public String expandSql(PanelQuery q) {
        TimeRange range = TimeRange.ofPanel(dashboard.json(), q.panel(), now);
        return MySqlMacros.expand(variables.substitute(q.text(), "mysql"), range, interval(q.panel(), range));
    }

    /** The InfluxQL Grafana would send for an InfluxDB query of a panel. */
    public String expandInfluxQl(PanelQuery q) {
        TimeRange range = TimeRange.ofPanel(dashboard.json(), q.panel(), now);
        return InfluxQlMacros.expand(variables.substitute(q.text(), "influxdb"), range, interval(q.panel(), range));
    }

    public QueryResult sql(PanelQuery q) {
        return stores.sql().query(expandSql(q));
    }

    public InfluxResult influx(PanelQuery q) {
        return stores.influxQl(expandInfluxQl(q));
    }

    /** The result of a panel's only (or first) MySQL query. */
    public QueryResult sql(String panelTitle) {
        return sql(query(panelTitle, "mysql"));
    }

    public InfluxResult influx(String panelTitle) {
        return influx(query(panelTitle, "influxdb"));
    }

    /** A dashboard annotation's query, expanded for the dashboard's range, and run. */
    public QueryResult annotation(JsonNode annotation) {
        TimeRange range = TimeRange.ofDashboard(dashboard.json(), now);
        String sql = variables.substitute(annotation.path("target").path("rawSql").asText(), "mysql");
        return stores.sql().query(MySqlMacros.expand(sql, range, GrafanaInterval.of(range, 1920, Duration.ZERO)));
    }

    private PanelQuery query(String panelTitle, String type) {
        return dashboard.queries().stream()
                .filter(q -> q.panel().path("title").asText().equals(panelTitle) && q.datasourceType().equals(type))
                .findFirst().orElseThrow(() -> new AssertionError("no " + type + " query in panel '" + panelTitle + "'"));
    }

    private static GrafanaInterval interval(JsonNode panel, TimeRange range) {
        long points = panel.hasNonNull("maxDataPoints") ? panel.path("maxDataPoints").asLong()
                : (long) panel.path("gridPos").path("w").asInt(24) * PIXELS_PER_COLUMN;
        Duration min = panel.hasNonNull("interval") ? MySqlMacros.parseInterval(panel.path("interval").asText()) : Duration.ZERO;
        return GrafanaInterval.of(range, points, min);
    }

    private List<String> resolve(JsonNode variable) {
        String type = variable.path("type").asText();
        return switch (type) {
            case "custom" -> {
                List<String> values = new ArrayList<>();
                for (String v : variable.path("query").asText().split(",")) {
                    values.add(v.strip());
                }
                yield values;
            }
            case "query" -> {
                if (!"mysql".equals(variable.path("datasource").path("type").asText())) {
                    throw new IllegalArgumentException("only MySQL query variables are emulated: " + variable.path("name"));
                }
                TimeRange range = TimeRange.ofDashboard(dashboard.json(), now);
                String sql = MySqlMacros.expand(variables.substitute(variable.path("query").asText(), "mysql"), range,
                        GrafanaInterval.of(range, 1920, Duration.ZERO));
                LinkedHashSet<String> values = new LinkedHashSet<>();
                stores.sql().query(sql).rows().forEach(row -> values.add(String.valueOf(row.get(0))));
                List<String> sorted = new ArrayList<>(values);
                if (variable.path("sort").asInt(0) == 1) {
                    sorted.sort(String::compareTo);
                }
                yield sorted;
            }
            default -> throw new IllegalArgumentException("variable type " + type + " is not emulated");
        };
    }
}

package io.pulse.grafana;

import io.pulse.grafana.Dashboards.Dashboard;
import io.pulse.grafana.Dashboards.PanelQuery;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.DynamicTest;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One dynamic test per query of every dashboard — panel queries, annotations, template variables —
 * opened as Grafana opens it ({@link DashboardRunner}) on some Pulse's stores: each returns rows of
 * the shape its panel needs ({@link PanelShapes}). {@link EveryPanelQueryITCase} runs them on this
 * module's scripted run; compose-tests' StackTopologyITCase on the compose topology's stores.
 */
public final class EveryPanelQuery {

    private EveryPanelQuery() {}

    /** Every panel query: MySQL rows of the panel's shape; InfluxQL series with values. */
    public static List<DynamicTest> panelQueries(List<Dashboard> dashboards, DashboardStores stores) {
        assertThat(dashboards).as("dashboards").isNotEmpty();
        List<DynamicTest> tests = new ArrayList<>();
        for (Dashboard dashboard : dashboards) {
            DashboardRunner runner = DashboardRunner.open(dashboard, stores);
            assertThat(dashboard.queries()).as("queries of %s", dashboard).isNotEmpty();
            for (PanelQuery q : dashboard.queries()) {
                tests.add(DynamicTest.dynamicTest(q.toString(), () -> {
                    if ("mysql".equals(q.datasourceType())) {
                        PanelShapes.assertFits(q, runner.sql(q));
                    } else {
                        InfluxResult result = runner.influx(q);
                        assertThat(result.series()).as("series of %s:\n%s", q, result.query()).isNotEmpty();
                        assertThat(result.series()).as("values in the series of %s", q).anyMatch(InfluxResult.Series::hasValues);
                    }
                }));
            }
        }
        return tests;
    }

    /** Every annotation query: rows with a time and a text. */
    public static List<DynamicTest> annotations(List<Dashboard> dashboards, DashboardStores stores) {
        List<DynamicTest> tests = new ArrayList<>();
        for (Dashboard dashboard : dashboards) {
            DashboardRunner runner = DashboardRunner.open(dashboard, stores);
            for (JsonNode annotation : dashboard.json().path("annotations").path("list")) {
                tests.add(DynamicTest.dynamicTest(dashboard + " / annotation " + annotation.path("name").asText(), () -> {
                    QueryResult r = runner.annotation(annotation);
                    assertThat(r.rows()).as("annotations of %s", dashboard).isNotEmpty();
                    assertThat(r.columns()).startsWith("time").contains("text");
                }));
            }
        }
        assertThat(tests).as("the fleet dashboard marks alerts on its charts").isNotEmpty();
        return tests;
    }

    /** Every template variable: options, and a value. */
    public static List<DynamicTest> templateVariables(List<Dashboard> dashboards, DashboardStores stores) {
        List<DynamicTest> tests = new ArrayList<>();
        for (Dashboard dashboard : dashboards) {
            DashboardRunner runner = DashboardRunner.open(dashboard, stores);
            for (JsonNode variable : dashboard.variables()) {
                String name = variable.path("name").asText();
                tests.add(DynamicTest.dynamicTest(dashboard + " / $" + name, () -> {
                    assertThat(runner.options(name)).as("options of $%s", name).isNotEmpty().doesNotContainNull();
                    assertThat(runner.variables().get(name).values()).as("value of $%s", name).isNotEmpty();
                }));
            }
        }
        assertThat(tests).as("template variables").isNotEmpty();
        return tests;
    }
}

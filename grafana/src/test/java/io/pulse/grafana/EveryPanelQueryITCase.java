package io.pulse.grafana;

import io.pulse.grafana.Dashboards.Dashboard;
import io.pulse.grafana.Dashboards.PanelQuery;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every query of every dashboard — panel queries, annotations and template variables — expanded as
 * Grafana expands it and run on the stores a real run of the three jobs filled: MySQL queries as
 * the read-only user in a UTC session, InfluxQL on InfluxDB 1.x. Each returns rows of the shape
 * its panel needs; the figures themselves are checked per dashboard ({@code *PanelsITCase}).
 */
@ExtendWith(PulseData.class)
class EveryPanelQueryITCase {

    /** The campus dashboards are looked at on the scripted Saturday noon; pipeline health right after the run. */
    static Instant nowFor(Dashboard dashboard) {
        return "pulse-pipeline".equals(dashboard.uid()) ? PulseData.run().finishedAt() : ScriptedClock.NOW;
    }

    @TestFactory
    List<DynamicTest> everyPanelQueryReturnsRowsOfTheShapeItsPanelNeeds() {
        List<DynamicTest> tests = new ArrayList<>();
        for (Dashboard dashboard : Dashboards.all()) {
            DashboardRunner runner = new DashboardRunner(dashboard, nowFor(dashboard), PulseData.run());
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

    @TestFactory
    List<DynamicTest> everyAnnotationQueryReturnsTimedText() {
        List<DynamicTest> tests = new ArrayList<>();
        for (Dashboard dashboard : Dashboards.all()) {
            DashboardRunner runner = new DashboardRunner(dashboard, nowFor(dashboard), PulseData.run());
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

    @TestFactory
    List<DynamicTest> everyTemplateVariableResolves() {
        List<DynamicTest> tests = new ArrayList<>();
        for (Dashboard dashboard : Dashboards.all()) {
            DashboardRunner runner = new DashboardRunner(dashboard, nowFor(dashboard), PulseData.run());
            for (JsonNode variable : dashboard.variables()) {
                String name = variable.path("name").asText();
                tests.add(DynamicTest.dynamicTest(dashboard + " / $" + name, () -> {
                    assertThat(runner.options(name)).as("options of $%s", name).isNotEmpty().doesNotContainNull();
                    assertThat(runner.variables().get(name).values()).as("value of $%s", name).isNotEmpty();
                }));
            }
        }
        return tests;
    }
}

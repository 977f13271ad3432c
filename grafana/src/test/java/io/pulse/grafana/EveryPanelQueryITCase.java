package io.pulse.grafana;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.List;

/**
 * Every query of every dashboard — panel queries, annotations and template variables — expanded as
 * Grafana expands it and run on the stores a real run of the three jobs filled: MySQL queries as
 * the read-only user in a UTC session, InfluxQL on InfluxDB 1.x. Each returns rows of the shape
 * its panel needs ({@link EveryPanelQuery}); the figures themselves are checked per dashboard
 * ({@code *PanelsITCase}). The campus dashboards are looked at on the scripted Saturday noon,
 * pipeline health right after the run ({@link PulseRun#now}).
 */
@ExtendWith(PulseData.class)
class EveryPanelQueryITCase {

    @TestFactory
    List<DynamicTest> everyPanelQueryReturnsRowsOfTheShapeItsPanelNeeds() {
        return EveryPanelQuery.panelQueries(Dashboards.all(), PulseData.run());
    }

    @TestFactory
    List<DynamicTest> everyAnnotationQueryReturnsTimedText() {
        return EveryPanelQuery.annotations(Dashboards.all(), PulseData.run());
    }

    @TestFactory
    List<DynamicTest> everyTemplateVariableResolves() {
        return EveryPanelQuery.templateVariables(Dashboards.all(), PulseData.run());
    }
}

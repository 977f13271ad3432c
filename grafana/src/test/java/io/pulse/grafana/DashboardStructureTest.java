package io.pulse.grafana;

import io.pulse.grafana.Dashboards.Dashboard;
import io.pulse.grafana.Dashboards.PanelQuery;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The dashboards as files: each parses; uids are unique; every data source reference is a
 * provisioned uid of the right type (never a name or a numeric id); every panel has a
 * description, a unit and thresholds; every variable a query uses is defined; the dashboards
 * link to each other and open on a set time range and refresh.
 */
class DashboardStructureTest {

    private static final List<Dashboard> DASHBOARDS = Dashboards.all();
    private static final Map<String, String> PROVISIONED = Provisioning.datasourceTypesByUid();
    /** What Grafana itself replaces in queries, besides template variables. */
    private static final Set<String> BUILTINS = Set.of("__interval", "__interval_ms", "timeFilter", "interval",
            "__timeFilter", "__timeFrom", "__timeTo", "__timeGroup", "__timeGroupAlias", "__unixEpochFrom", "__unixEpochTo",
            "__unixEpochFilter", "__unixEpochGroup", "__unixEpochGroupAlias", "__timeEpoch", "__time");
    private static final Pattern VARIABLE_USE = Pattern.compile("\\$\\{(\\w+)|\\$(\\w+)|\\[\\[(\\w+)");

    @Test
    void theFourDashboardsParseWithUniqueUids() {
        assertThat(DASHBOARDS).extracting(Dashboard::uid)
                .containsExactlyInAnyOrder("pulse-attendance", "pulse-fleet", "pulse-energy", "pulse-pipeline")
                .doesNotHaveDuplicates();
        for (Dashboard d : DASHBOARDS) {
            assertThat(d.json().path("title").asText()).as("title of %s", d).startsWith("Pulse · ");
            assertThat(d.json().path("description").asText()).as("description of %s", d).hasSizeGreaterThan(40);
            assertThat(d.json().path("schemaVersion").asInt()).as("schemaVersion of %s", d).isGreaterThanOrEqualTo(39);
            assertThat(d.json().has("id")).as("%s must not carry a database id", d).isFalse();
        }
    }

    @Test
    void everyDatasourceReferenceIsAProvisionedUidNeverANameOrId() {
        for (Dashboard d : DASHBOARDS) {
            List<JsonNode> refs = new ArrayList<>();
            collect(d.json(), refs);
            assertThat(refs).as("data source references in %s", d).isNotEmpty();
            for (JsonNode ref : refs) {
                assertThat(ref.isObject()).as("%s: a data source is referenced by {type, uid}, not %s", d, ref).isTrue();
                assertThat(ref.path("uid").asText()).as("%s: uid of %s", d, ref).isIn(PROVISIONED.keySet());
                assertThat(ref.path("type").asText()).as("%s: type of %s", d, ref).isEqualTo(PROVISIONED.get(ref.path("uid").asText()));
                assertThat(ref.has("id")).as("%s: no numeric data source id in %s", d, ref).isFalse();
            }
            assertThat(d.json().toString()).as("%s has no datasourceId", d).doesNotContain("\"datasourceId\"");
        }
    }

    @Test
    void everyPanelHasADescriptionAUnitThresholdsAndAPlace() {
        for (Dashboard d : DASHBOARDS) {
            Set<Integer> ids = new HashSet<>();
            Set<String> titles = new HashSet<>();
            for (JsonNode panel : d.panels()) {
                String name = d + " / " + panel.path("title").asText();
                assertThat(ids.add(panel.path("id").asInt(-1))).as("unique id of %s", name).isTrue();
                assertThat(titles.add(panel.path("title").asText())).as("unique title of %s", name).isTrue();
                assertThat(panel.path("description").asText()).as("description of %s", name).hasSizeGreaterThan(20);
                JsonNode defaults = panel.path("fieldConfig").path("defaults");
                assertThat(defaults.path("unit").asText()).as("unit of %s", name).isNotBlank();
                JsonNode steps = defaults.path("thresholds").path("steps");
                assertThat(defaults.path("thresholds").path("mode").asText()).as("threshold mode of %s", name).isIn("absolute", "percentage");
                assertThat(steps.size()).as("thresholds of %s", name).isPositive();
                assertThat(steps.get(0).path("value").isNull()).as("the base threshold of %s", name).isTrue();
                JsonNode grid = panel.path("gridPos");
                assertThat(grid.path("w").asInt() > 0 && grid.path("h").asInt() > 0 && grid.path("x").asInt() + grid.path("w").asInt() <= 24)
                        .as("grid position of %s", name).isTrue();
                assertThat(panel.path("targets").size()).as("queries of %s", name).isPositive();
            }
            assertNoOverlap(d);
        }
    }

    @Test
    void everyQueryIsRawTextInItsDataSourcesLanguage() {
        for (Dashboard d : DASHBOARDS) {
            for (PanelQuery q : d.queries()) {
                assertThat(q.target().path("rawQuery").asBoolean()).as("%s is raw", q).isTrue();
                assertThat(q.text()).as("%s has text", q).isNotBlank();
                if ("mysql".equals(q.datasourceType())) {
                    assertThat(q.format()).as("format of %s", q).isIn("table", "time_series");
                } else {
                    assertThat(q.text()).as("%s is InfluxQL, not Flux", q).doesNotContain("|>").startsWith("SELECT");
                    assertThat(q.text()).as("%s filters on the dashboard's time", q).contains("$timeFilter");
                }
            }
        }
    }

    @Test
    void everyVariableAQueryUsesIsDefined() {
        for (Dashboard d : DASHBOARDS) {
            Set<String> defined = new HashSet<>();
            d.variables().forEach(v -> defined.add(v.path("name").asText()));
            assertThat(defined).as("template variables of %s", d).isNotEmpty();
            List<String> texts = new ArrayList<>(d.queries().stream().map(PanelQuery::text).toList());
            d.variables().forEach(v -> texts.add(v.path("query").asText()));
            d.json().path("annotations").path("list").forEach(a -> texts.add(a.path("target").path("rawSql").asText()));
            d.panels().forEach(p -> texts.add(p.path("title").asText()));
            for (String text : texts) {
                Matcher m = VARIABLE_USE.matcher(text);
                while (m.find()) {
                    String name = m.group(1) != null ? m.group(1) : m.group(2) != null ? m.group(2) : m.group(3);
                    assertThat(defined.contains(name) || BUILTINS.contains(name))
                            .as("%s: $%s in %s is neither a variable nor a Grafana macro", d, name, text).isTrue();
                }
            }
        }
    }

    @Test
    void variablesComeFromProvisionedSourcesOrFixedLists() {
        for (Dashboard d : DASHBOARDS) {
            for (JsonNode v : d.variables()) {
                String name = d + " / $" + v.path("name").asText();
                assertThat(v.path("type").asText()).as("type of %s", name).isIn("query", "custom");
                assertThat(v.path("label").asText()).as("label of %s", name).isNotBlank();
                assertThat(v.path("current").has("value")).as("current value of %s", name).isTrue();
                assertThat(v.path("allValue").asText("")).as("%s: 'All' must list the values (no custom all value)", name).isEmpty();
                if ("query".equals(v.path("type").asText())) {
                    assertThat(v.path("refresh").asInt()).as("%s reloads with the time range", name).isEqualTo(2);
                    assertThat(v.path("includeAll").asBoolean() || v.path("multi").asBoolean())
                            .as("%s is formatted as a list, so queries use IN (...) and =~ /^...$/", name).isTrue();
                }
            }
        }
    }

    @Test
    void dashboardsOpenOnATimeRangeRefreshAndLinkToEachOther() {
        for (Dashboard d : DASHBOARDS) {
            JsonNode json = d.json();
            assertThat(json.path("time").path("from").asText()).as("default range of %s", d).startsWith("now-");
            assertThat(json.path("time").path("to").asText()).isEqualTo("now");
            assertThat(json.path("refresh").asText()).as("refresh of %s", d).matches("\\d+[smh]");
            assertThat(json.path("timezone").asText()).as("Pulse stores UTC: %s", d).isEqualTo("utc");
            assertThat(json.path("editable").asBoolean(true)).as("%s is edited as a file, not in the UI", d).isFalse();
            assertThat(json.path("tags").toString()).as("tags of %s", d).contains("\"pulse\"");
            JsonNode link = json.path("links").path(0);
            assertThat(link.path("type").asText()).as("link of %s", d).isEqualTo("dashboards");
            assertThat(link.path("tags").toString()).as("%s links the dashboards tagged pulse", d).contains("\"pulse\"");
            assertThat(link.path("keepTime").asBoolean()).as("the link of %s keeps the time range", d).isTrue();
        }
    }

    private static void collect(JsonNode node, List<JsonNode> refs) {
        if (node.isObject()) {
            Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                if (field.getKey().equals("datasource")) {
                    refs.add(field.getValue());
                } else {
                    collect(field.getValue(), refs);
                }
            }
        } else if (node.isArray()) {
            node.forEach(child -> collect(child, refs));
        }
    }

    private static void assertNoOverlap(Dashboard d) {
        List<JsonNode> panels = d.panels();
        for (int i = 0; i < panels.size(); i++) {
            for (int j = i + 1; j < panels.size(); j++) {
                JsonNode a = panels.get(i).path("gridPos");
                JsonNode b = panels.get(j).path("gridPos");
                boolean overlap = a.path("x").asInt() < b.path("x").asInt() + b.path("w").asInt()
                        && b.path("x").asInt() < a.path("x").asInt() + a.path("w").asInt()
                        && a.path("y").asInt() < b.path("y").asInt() + b.path("h").asInt()
                        && b.path("y").asInt() < a.path("y").asInt() + a.path("h").asInt();
                assertThat(overlap).as("%s: '%s' and '%s' overlap", d, panels.get(i).path("title").asText(),
                        panels.get(j).path("title").asText()).isFalse();
            }
        }
    }
}

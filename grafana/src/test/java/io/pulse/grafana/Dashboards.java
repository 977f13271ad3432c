package io.pulse.grafana;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The dashboards of {@code grafana/dashboards} (the module's directory when Maven runs the tests),
 * with the panels and queries in them.
 */
public final class Dashboards {

    public static final Path DIRECTORY = Path.of("dashboards");
    private static final ObjectMapper JSON = new ObjectMapper();

    /** A dashboard file and its parsed JSON. */
    public record Dashboard(Path file, JsonNode json) {
        public String uid() {
            return json.path("uid").asText();
        }

        /** Every panel, also those inside collapsed rows; rows themselves are not panels here. */
        public List<JsonNode> panels() {
            List<JsonNode> panels = new ArrayList<>();
            for (JsonNode panel : json.path("panels")) {
                if ("row".equals(panel.path("type").asText())) {
                    panel.path("panels").forEach(panels::add);
                } else {
                    panels.add(panel);
                }
            }
            return panels;
        }

        public List<JsonNode> variables() {
            List<JsonNode> variables = new ArrayList<>();
            json.path("templating").path("list").forEach(variables::add);
            return variables;
        }

        /** Every query of every panel, with the data source each runs on. */
        public List<PanelQuery> queries() {
            List<PanelQuery> queries = new ArrayList<>();
            for (JsonNode panel : panels()) {
                for (JsonNode target : panel.path("targets")) {
                    JsonNode datasource = target.has("datasource") ? target.path("datasource") : panel.path("datasource");
                    queries.add(new PanelQuery(this, panel, target, datasource));
                }
            }
            return queries;
        }

        /** The panel with this title (titles are unique within a Pulse dashboard). */
        public JsonNode panel(String title) {
            return panels().stream().filter(p -> title.equals(p.path("title").asText())).findFirst()
                    .orElseThrow(() -> new AssertionError("no panel '" + title + "' in " + file));
        }

        @Override
        public String toString() {
            return file.getFileName().toString();
        }
    }

    /** One query of a panel (a target). */
    public record PanelQuery(Dashboard dashboard, JsonNode panel, JsonNode target, JsonNode datasource) {
        public String datasourceType() {
            return datasource.path("type").asText();
        }

        public String text() {
            return "mysql".equals(datasourceType()) ? target.path("rawSql").asText() : target.path("query").asText();
        }

        public String format() {
            return "mysql".equals(datasourceType()) ? target.path("format").asText("time_series")
                    : target.path("resultFormat").asText("time_series");
        }

        @Override
        public String toString() {
            return dashboard + " / " + panel.path("title").asText() + " / " + target.path("refId").asText();
        }
    }

    private Dashboards() {}

    public static List<Dashboard> all() {
        return in(DIRECTORY);
    }

    /** The dashboards (every {@code *.json}) of a directory, e.g. where a Grafana's file provider reads them. */
    public static List<Dashboard> in(Path directory) {
        try (Stream<Path> files = Files.list(directory)) {
            return files.filter(f -> f.toString().endsWith(".json")).sorted().map(Dashboards::read).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Dashboard byUid(String uid) {
        return all().stream().filter(d -> uid.equals(d.uid())).findFirst()
                .orElseThrow(() -> new AssertionError("no dashboard " + uid + " in " + DIRECTORY.toAbsolutePath()));
    }

    private static Dashboard read(Path file) {
        try {
            return new Dashboard(file, JSON.readTree(file.toFile()));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot parse " + file, e);
        }
    }
}

package io.pulse.grafana;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/** The provisioning files of {@code grafana/provisioning}, parsed as YAML. */
public final class Provisioning {

    public static final Path DATASOURCES = Path.of("provisioning", "datasources", "pulse.yaml");
    public static final Path DASHBOARDS = Path.of("provisioning", "dashboards", "pulse.yaml");
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private Provisioning() {}

    public static JsonNode read(Path file) {
        try {
            return YAML.readTree(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot parse " + file, e);
        }
    }

    /** uid → type of every provisioned data source. */
    public static Map<String, String> datasourceTypesByUid() {
        Map<String, String> types = new LinkedHashMap<>();
        read(DATASOURCES).path("datasources").forEach(ds -> types.put(ds.path("uid").asText(), ds.path("type").asText()));
        return types;
    }

    public static JsonNode datasource(String uid) {
        for (JsonNode ds : read(DATASOURCES).path("datasources")) {
            if (uid.equals(ds.path("uid").asText())) {
                return ds;
            }
        }
        throw new AssertionError("no data source " + uid + " in " + DATASOURCES);
    }
}

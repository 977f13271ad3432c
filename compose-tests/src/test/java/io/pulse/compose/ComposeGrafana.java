package io.pulse.compose;

import com.fasterxml.jackson.databind.JsonNode;
import io.pulse.grafana.Dashboards;
import io.pulse.grafana.Dashboards.Dashboard;
import io.pulse.grafana.Provisioning;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The compose stack's Grafana as it starts: the grafana service of docker-compose.yml resolved with
 * a .env (its environment and mounts), the provisioning files of the folder mounted at
 * /etc/grafana/provisioning with Grafana's {@code ${VAR}} filled from that environment, and the
 * dashboards its file provider loads from the folder mounted at the provider's path.
 */
final class ComposeGrafana {

    private static final String PROVISIONING = "/etc/grafana/provisioning";
    private static final Pattern VARIABLE = Pattern.compile("\\$\\{([A-Za-z0-9_]+)}");

    /** A provisioned data source, its settings as Grafana reads them. */
    record DataSource(String uid, String type, String url, String user, String password, String database, JsonNode jsonData) {}

    private final Map<String, String> environment;
    private final Map<String, Path> mounts;

    private ComposeGrafana(Map<String, String> environment, Map<String, Path> mounts) {
        this.environment = environment;
        this.mounts = mounts;
    }

    /** docker-compose config with {@code env} as the .env file. */
    static ComposeGrafana resolve(Map<String, String> env) {
        Path envFile = null;
        try {
            envFile = Files.createTempFile("pulse-test-", ".env");
            Files.writeString(envFile, env.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                    .collect(Collectors.joining("\n", "", "\n")));
            Shell.Result config = Compose.config(envFile);
            if (config.exitCode() != 0) {
                throw new AssertionError("docker-compose config failed:\n" + config.stderr());
            }
            JsonNode compose = Compose.parse(config.stdout());
            Map<String, Path> mounts = new java.util.TreeMap<>();
            for (JsonNode volume : compose.path("services").path("grafana").path("volumes")) {
                String[] parts = volume.asText().split(":");
                if (parts[0].startsWith("/")) {
                    mounts.put(parts[1], Path.of(parts[0]));
                }
            }
            return new ComposeGrafana(Compose.environment(compose, "grafana"), mounts);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            if (envFile != null) {
                envFile.toFile().delete();
            }
        }
    }

    /** The data source with this uid, from the provisioning's datasources files. */
    DataSource dataSource(String uid) {
        for (Path file : provisioningFiles("datasources")) {
            for (JsonNode ds : Provisioning.read(file).path("datasources")) {
                if (uid.equals(ds.path("uid").asText())) {
                    JsonNode json = ds.path("jsonData");
                    String database = json.has("database") ? json.path("database").asText() : json.path("dbName").asText();
                    return new DataSource(uid, ds.path("type").asText(), fill(ds.path("url").asText()),
                            fill(ds.path("user").asText()), fill(ds.path("secureJsonData").path("password").asText()), fill(database), json);
                }
            }
        }
        throw new AssertionError("no data source " + uid + " provisioned in " + mounts.get(PROVISIONING));
    }

    /** Every dashboard of every file provider, read from the host folder mounted where the provider looks. */
    List<Dashboard> dashboards() {
        List<Path> providers = provisioningFiles("dashboards");
        if (providers.isEmpty()) {
            throw new AssertionError("no dashboard provider in " + mounts.get(PROVISIONING));
        }
        return providers.stream().flatMap(file -> {
            List<Dashboard> all = new java.util.ArrayList<>();
            for (JsonNode provider : Provisioning.read(file).path("providers")) {
                String path = provider.path("options").path("path").asText();
                Path folder = mounts.get(path);
                if (folder == null) {
                    throw new AssertionError("the dashboard provider reads " + path + ", which the grafana service does not mount: " + mounts);
                }
                all.addAll(Dashboards.in(folder));
            }
            return all.stream();
        }).toList();
    }

    private List<Path> provisioningFiles(String kind) {
        Path root = mounts.get(PROVISIONING);
        if (root == null) {
            throw new AssertionError("the grafana service mounts nothing at " + PROVISIONING + ": " + mounts);
        }
        try (Stream<Path> files = Files.list(root.resolve(kind))) {
            return files.filter(f -> f.toString().endsWith(".yaml") || f.toString().endsWith(".yml")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Grafana's substitution of environment variables in provisioning files. */
    private String fill(String value) {
        Matcher m = VARIABLE.matcher(value);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String name = m.group(1);
            if (!environment.containsKey(name)) {
                throw new AssertionError("the provisioning reads ${" + name + "}, which the grafana service does not set");
            }
            m.appendReplacement(out, Matcher.quoteReplacement(environment.get(name)));
        }
        m.appendTail(out);
        return out.toString();
    }
}

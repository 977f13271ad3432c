package io.pulse.compose;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.pulse.testservers.RequiredBinary;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * docker-compose.yml as Debian's docker-compose (1.29) resolves it with .env.example: variables
 * substituted, anchors expanded, relative paths made absolute. No Docker engine is needed.
 */
final class Compose {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private Compose() {}

    static Shell.Result config(Path envFile) {
        Path tool = RequiredBinary.find("docker-compose", "docker-compose");
        return Shell.run(List.of(tool.toString(), "--project-directory", Repo.ROOT.toString(),
                "--env-file", envFile.toString(), "-f", Repo.file("docker-compose.yml").toString(), "config"),
                Map.of(), Repo.ROOT);
    }

    /** The resolved file with .env.example's settings. */
    static JsonNode resolved() {
        Shell.Result result = config(Repo.file(".env.example"));
        if (result.exitCode() != 0) {
            throw new AssertionError("docker-compose config failed:\n" + result.stderr());
        }
        return parse(result.stdout());
    }

    static JsonNode parse(String yaml) {
        try {
            return YAML.readTree(yaml);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A service's environment as a map (compose prints it as a mapping). */
    static Map<String, String> environment(JsonNode compose, String service) {
        Map<String, String> env = new java.util.TreeMap<>();
        compose.path("services").path(service).path("environment").fields()
                .forEachRemaining(e -> env.put(e.getKey(), e.getValue().asText()));
        return env;
    }
}

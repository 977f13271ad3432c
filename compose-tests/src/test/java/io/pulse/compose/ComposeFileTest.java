package io.pulse.compose;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** docker-compose.yml as docker-compose itself reads it: valid, pinned, mounts present, sized. */
class ComposeFileTest {
    /** Services that run for good (not the one-shot ones). */
    private static final Set<String> ONE_SHOT = Set.of("mosquitto-accounts", "submit");
    private static JsonNode compose;

    @BeforeAll
    static void resolve() {
        compose = Compose.resolved();
    }

    @Test
    void docker_compose_accepts_the_file_with_env_example() {
        assertThat(Compose.config(Repo.file(".env.example")).exitCode()).isZero();
        assertThat(compose.path("services").fieldNames()).toIterable().containsExactlyInAnyOrder(
                "mosquitto-accounts", "mosquitto", "mysql", "influxdb", "grafana", "jobmanager",
                "taskmanager", "submit", "modbus-bridge", "meter-simulator", "simulator");
    }

    @Test
    void refuses_to_start_without_the_secrets(@TempDir Path dir) throws Exception {
        Path empty = Files.writeString(dir.resolve("empty.env"), "");
        Shell.Result result = Compose.config(empty);
        assertThat(result.exitCode()).isNotZero();
        assertThat(result.stderr()).contains("in .env");
    }

    @Test
    void every_image_is_pinned_to_a_version() {
        compose.path("services").fields().forEachRemaining(service -> {
            String image = service.getValue().path("image").asText();
            assertThat(image).as(service.getKey()).matches("[a-z0-9./_-]+:\\d+\\.\\d+\\.\\d+[A-Za-z0-9._-]*");
        });
    }

    @Test
    void every_mounted_file_of_the_repository_exists() {
        List<String> missing = new ArrayList<>();
        compose.path("services").fields().forEachRemaining(service -> {
            for (JsonNode volume : service.getValue().path("volumes")) {
                String source = volume.asText().split(":")[0];
                if (source.startsWith("/") && !Files.exists(Path.of(source))) {
                    missing.add(service.getKey() + ": " + source);
                }
            }
            JsonNode build = service.getValue().path("build");
            if (!build.isMissingNode()) {
                String context = build.isTextual() ? build.asText() : build.path("context").asText();
                Path dockerfile = Path.of(context, "Dockerfile");
                if (!Files.exists(dockerfile)) {
                    missing.add(service.getKey() + ": " + dockerfile);
                }
            }
        });
        // what the bridge image copies in (modbus-bridge/Dockerfile)
        if (!Files.exists(Repo.file("modbus-bridge/target/pulse-modbus-bridge.jar"))) {
            missing.add("modbus-bridge: modbus-bridge/target/pulse-modbus-bridge.jar");
        }
        assertThat(missing).isEmpty();
    }

    @Test
    void long_running_services_have_healthchecks_and_dependents_wait_for_them() {
        for (String service : List.of("mosquitto", "mysql", "influxdb", "grafana", "jobmanager")) {
            assertThat(compose.path("services").path(service).path("healthcheck").path("test").isArray())
                    .as(service + " healthcheck").isTrue();
        }
        JsonNode submit = compose.path("services").path("submit").path("depends_on");
        for (String needed : List.of("jobmanager", "mosquitto", "mysql", "influxdb")) {
            assertThat(submit.path(needed).path("condition").asText()).as("submit waits for " + needed)
                    .isEqualTo("service_healthy");
        }
        assertThat(compose.path("services").path("mosquitto").path("depends_on")
                .path("mosquitto-accounts").path("condition").asText()).isEqualTo("service_completed_successfully");
    }

    @Test
    void memory_limits_fit_a_4_gb_host() {
        long total = 0;
        for (Map.Entry<String, JsonNode> service : iterable(compose.path("services"))) {
            String limit = service.getValue().path("mem_limit").asText();
            assertThat(limit).as(service.getKey() + " mem_limit").isNotEmpty();
            if (!ONE_SHOT.contains(service.getKey())) {
                total += megabytes(limit);
            }
        }
        // what is left of 4 GB is for the kernel, Docker and the one-shot submit
        assertThat(total).isLessThanOrEqualTo(3500);
    }

    @Test
    void the_simulators_are_one_profile_that_env_example_switches_on() {
        assertThat(compose.path("services").path("simulator").path("profiles").toString()).isEqualTo("[\"simulator\"]");
        assertThat(compose.path("services").path("meter-simulator").path("profiles").toString()).isEqualTo("[\"simulator\"]");
        assertThat(EnvExample.load()).containsEntry("COMPOSE_PROFILES", "simulator");
    }

    static long megabytes(String limit) {
        String digits = limit.replaceAll("[^0-9]", "");
        long value = Long.parseLong(digits);
        String unit = limit.toLowerCase().replaceAll("[0-9]", "");
        return switch (unit) {
            case "g", "gb" -> value * 1024;
            case "m", "mb" -> value;
            case "k", "kb" -> value / 1024;
            default -> value / (1024 * 1024); // bytes, as compose may print it
        };
    }

    static Iterable<Map.Entry<String, JsonNode>> iterable(JsonNode node) {
        return node::fields;
    }
}

package io.pulse.compose;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Every service is told the host, port, user and names that the others really have. */
class ComposeConsistencyTest {
    private static JsonNode compose;
    private static Map<String, String> grafana;
    private static Map<String, String> submit;
    private static Map<String, String> mysql;
    private static Map<String, String> influx;

    @BeforeAll
    static void resolve() {
        compose = Compose.resolved();
        grafana = Compose.environment(compose, "grafana");
        submit = Compose.environment(compose, "submit");
        mysql = Compose.environment(compose, "mysql");
        influx = Compose.environment(compose, "influxdb");
    }

    @Test
    void every_variable_the_compose_file_uses_is_in_env_example() {
        Set<String> used = matches("\\$\\{([A-Z0-9_]+)", Repo.read("docker-compose.yml"));
        assertThat(EnvExample.load().keySet()).containsAll(used);
    }

    @Test
    void grafana_gets_every_variable_its_provisioning_reads_and_they_point_at_the_services() {
        Set<String> needed = matches("\\$\\{([A-Z0-9_]+)}",
                Repo.read("grafana/provisioning/datasources/pulse.yaml"));
        assertThat(grafana.keySet()).containsAll(needed);
        assertThat(grafana.get("PULSE_DB_HOST")).isEqualTo("mysql:3306");
        assertThat(grafana.get("PULSE_INFLUX_URL")).isEqualTo("http://influxdb:8086");
        assertThat(grafana.get("PULSE_DB_NAME")).isEqualTo(mysql.get("MYSQL_DATABASE")).isEqualTo(mysql.get("PULSE_DB_NAME"));
        assertThat(grafana.get("PULSE_DB_READONLY_USER")).isEqualTo(mysql.get("PULSE_DB_READONLY_USER"));
        assertThat(grafana.get("PULSE_DB_READONLY_PASSWORD")).isEqualTo(mysql.get("PULSE_DB_READONLY_PASSWORD"));
        assertThat(grafana.get("PULSE_INFLUX_BUCKET")).isEqualTo(influx.get("DOCKER_INFLUXDB_INIT_BUCKET"));
        assertThat(grafana.get("PULSE_INFLUX_READ_TOKEN")).isEqualTo(
                influx.get("PULSE_INFLUX_GRAFANA_USER") + ":" + influx.get("PULSE_INFLUX_GRAFANA_PASSWORD"));
        assertThat(grafana.get("GF_AUTH_ANONYMOUS_ENABLED")).isEqualTo("false");
    }

    @Test
    void the_jobs_are_given_the_real_database_broker_and_bucket() {
        assertThat(submit.get("PULSE_DB_HOST_NAME")).isEqualTo("mysql");
        assertThat(submit.get("PULSE_DB_PORT")).isEqualTo("3306");
        assertThat(submit.get("PULSE_DB_NAME")).isEqualTo(mysql.get("PULSE_DB_NAME"));
        assertThat(submit.get("PULSE_DB_USER")).isEqualTo(mysql.get("PULSE_DB_USER"));
        assertThat(submit.get("PULSE_DB_PASSWORD")).isEqualTo(mysql.get("PULSE_DB_PASSWORD"));
        assertThat(submit.get("MQTT_HOST")).isEqualTo("mosquitto");
        assertThat(submit.get("MQTT_PORT")).isEqualTo("1883");
        assertThat(submit.get("MQTT_JOBS_PASSWORD"))
                .isEqualTo(Compose.environment(compose, "mosquitto-accounts").get("MQTT_JOBS_PASSWORD"));
        assertThat(submit.get("PULSE_INFLUX_URL")).isEqualTo("http://influxdb:8086");
        assertThat(submit.get("PULSE_INFLUX_WRITE_TOKEN")).isEqualTo(influx.get("DOCKER_INFLUXDB_INIT_ADMIN_TOKEN"));
        assertThat(submit.get("PULSE_INFLUX_ORG")).isEqualTo(influx.get("DOCKER_INFLUXDB_INIT_ORG"));
        assertThat(submit.get("PULSE_INFLUX_BUCKET")).isEqualTo(influx.get("DOCKER_INFLUXDB_INIT_BUCKET"));
        assertThat(submit.get("PULSE_JOBMANAGER")).isEqualTo("jobmanager:8081");
    }

    @Test
    void every_option_the_submit_script_passes_is_one_the_jobs_accept() {
        Set<String> accepted = matches("\\(\"([a-z.-]+)\", Kind\\.",
                Repo.read("jobs/src/main/java/io/pulse/jobs/options/Option.java"));
        Set<String> passed = matches("--((?:mqtt|jdbc|influx|checkpoint|movement|parallelism)[a-z.-]*)",
                Repo.read("deploy/flink/submit-jobs.sh"));
        assertThat(passed).isNotEmpty();
        assertThat(accepted).containsAll(passed);
        assertThat(Repo.read("deploy/flink/submit-jobs.sh")).contains("-c io.pulse.jobs.PulseJobs");
    }

    @Test
    void every_broker_account_the_services_use_is_in_the_acl() {
        String acl = Repo.read("deploy/mosquitto/acl.conf");
        String bridge = Repo.read("deploy/modbus-bridge/bridge.yaml");
        assertThat(Repo.read("deploy/flink/submit-jobs.sh")).contains("--mqtt.username pulse-jobs");
        assertThat(bridge).contains("broker: tcp://mosquitto:1883").containsPattern("username: pulse-bridge\\b");
        assertThat(compose.path("services").path("mosquitto").path("healthcheck").toString()).contains("-u pulse-operator");
        assertThat(matches("(?m)^user (\\S+)$", acl)).containsExactlyInAnyOrder("pulse-jobs", "pulse-operator", "pulse-bridge");
        String accounts = Repo.read("deploy/mosquitto/make-accounts.sh");
        assertThat(accounts).contains("add pulse-jobs", "add pulse-operator", "add pulse-bridge");
        // the bridge's password variable is the one its config loader reads
        assertThat(Compose.environment(compose, "modbus-bridge")).containsKey("PULSE_BRIDGE_MQTT_PASSWORD");
        assertThat(Compose.environment(compose, "modbus-bridge").get("PULSE_BRIDGE_MQTT_PASSWORD"))
                .isEqualTo(Compose.environment(compose, "mosquitto-accounts").get("MQTT_BRIDGE_PASSWORD"));
    }

    @Test
    void flink_runs_the_version_the_jobs_are_built_against() {
        String version = firstMatch("<flink.version>([^<]+)</flink.version>", Repo.read("pom.xml"));
        for (String service : new String[] {"jobmanager", "taskmanager", "submit"}) {
            assertThat(compose.path("services").path(service).path("image").asText())
                    .isEqualTo("flink:" + version + "-scala_2.12-java17");
        }
    }

    @Test
    void flink_properties_survive_the_images_whitespace_stripping() {
        String properties = Compose.environment(compose, "jobmanager").get("FLINK_PROPERTIES");
        assertThat(properties).isEqualTo(Compose.environment(compose, "taskmanager").get("FLINK_PROPERTIES"));
        for (String line : properties.strip().split("\n")) {
            // the entrypoint deletes every blank and splits at the first ':'
            assertThat(line).as(line).matches("[a-z0-9.-]+: \\S+");
        }
        assertThat(properties).contains("execution.checkpointing.dir: file:///flink-data/checkpoints",
                "execution.checkpointing.savepoint-dir: file:///flink-data/savepoints");
        assertThat(Repo.read("deploy/flink/submit-jobs.sh")).contains("--mqtt.spool-dir \"$data/spool/$job\"");
        assertThat(compose.path("services").path("taskmanager").path("volumes").toString()).contains("flink-data:/flink-data");
    }

    @Test
    void the_broker_uses_the_canonical_settings() {
        assertThat(compose.path("services").path("mosquitto").path("volumes").toString())
                .contains(Repo.file("config/mosquitto") + ":/mosquitto/config/canonical:ro");
        assertThat(Repo.read("deploy/mosquitto/pulse-broker.conf"))
                .contains("include_dir /mosquitto/config/canonical", "allow_anonymous false",
                        "password_file /mosquitto/accounts/passwd", "acl_file /mosquitto/accounts/acl");
    }

    private static Set<String> matches(String regex, String text) {
        Set<String> found = new LinkedHashSet<>();
        Matcher m = Pattern.compile(regex).matcher(text);
        while (m.find()) {
            found.add(m.group(1));
        }
        return found;
    }

    private static String firstMatch(String regex, String text) {
        Matcher m = Pattern.compile(regex).matcher(text);
        assertThat(m.find()).as(regex).isTrue();
        return m.group(1);
    }
}

package io.pulse.grafana;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The provisioning files: two data sources with the uids the dashboards use, reading as the
 * read-only user in UTC (MySQL) and with InfluxQL (InfluxDB); every secret and address from the
 * environment, each variable documented in the README; a file provider that keeps the JSON files
 * the source of truth.
 */
class ProvisioningTest {

    private static final Pattern ENV = Pattern.compile("\\$\\{(\\w+)}");

    @Test
    void mysqlReadsAsTheReadOnlyUserInUtcWithThePasswordFromTheEnvironment() {
        JsonNode mysql = Provisioning.datasource("pulse-mysql");
        assertThat(mysql.path("type").asText()).isEqualTo("mysql");
        assertThat(mysql.path("user").asText()).isEqualTo("${PULSE_DB_READONLY_USER}");
        assertThat(mysql.path("jsonData").path("timezone").asText()).isEqualTo("+00:00");
        assertThat(mysql.path("jsonData").path("database").asText()).isEqualTo("${PULSE_DB_NAME}");
        assertThat(mysql.path("secureJsonData").path("password").asText()).isEqualTo("${PULSE_DB_READONLY_PASSWORD}");
        assertThat(mysql.has("password")).as("no plain password field").isFalse();
    }

    @Test
    void influxDbSpeaksInfluxQlToTheBucketThroughDbrpWithATokenFromTheEnvironment() {
        JsonNode influx = Provisioning.datasource("pulse-influxdb");
        assertThat(influx.path("type").asText()).isEqualTo("influxdb");
        assertThat(influx.path("jsonData").path("version").asText()).isEqualTo("InfluxQL");
        assertThat(influx.path("jsonData").path("dbName").asText()).isEqualTo("${PULSE_INFLUX_BUCKET}");
        assertThat(influx.path("jsonData").path("httpHeaderName1").asText()).isEqualTo("Authorization");
        assertThat(influx.path("secureJsonData").path("httpHeaderValue1").asText()).isEqualTo("Token ${PULSE_INFLUX_READ_TOKEN}");
    }

    @Test
    void everySecureValueAndAddressComesFromADocumentedEnvironmentVariable() throws Exception {
        String yaml = Files.readString(Provisioning.DATASOURCES);
        for (JsonNode ds : Provisioning.read(Provisioning.DATASOURCES).path("datasources")) {
            ds.path("secureJsonData").fields().forEachRemaining(secret ->
                    assertThat(secret.getValue().asText()).as("secret %s of %s", secret.getKey(), ds.path("uid")).contains("${"));
            assertThat(ds.path("url").asText()).as("url of %s", ds.path("uid")).startsWith("${");
            assertThat(ds.path("editable").asBoolean(true)).as("%s is edited as a file", ds.path("uid")).isFalse();
        }
        Set<String> variables = new LinkedHashSet<>();
        Matcher m = ENV.matcher(yaml);
        while (m.find()) {
            variables.add(m.group(1));
        }
        String readme = Files.readString(Path.of("..", "README.md"));
        assertThat(variables).hasSize(7);
        for (String variable : variables) {
            assertThat(readme).as("README documents %s", variable).contains("`" + variable + "`");
        }
    }

    @Test
    void theFileProviderLoadsThePulseFolderAndRefusesUiChanges() {
        JsonNode provider = Provisioning.read(Provisioning.DASHBOARDS).path("providers").path(0);
        assertThat(provider.path("type").asText()).isEqualTo("file");
        assertThat(provider.path("folder").asText()).isEqualTo("Pulse");
        assertThat(provider.path("allowUiUpdates").asBoolean(true)).isFalse();
        assertThat(provider.path("disableDeletion").asBoolean()).isTrue();
        assertThat(provider.path("options").path("path").asText()).isNotBlank();
        assertThat(Provisioning.read(Provisioning.DASHBOARDS).path("apiVersion").asInt()).isEqualTo(1);
        assertThat(Provisioning.read(Provisioning.DATASOURCES).path("apiVersion").asInt()).isEqualTo(1);
    }
}

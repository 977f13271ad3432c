package io.pulse.jobs.telemetry.alerts;

import io.pulse.jobs.telemetry.rules.AlertRules;
import io.pulse.jobs.telemetry.rules.AlertType;
import io.pulse.jobs.telemetry.rules.Severity;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import static io.pulse.jobs.telemetry.alerts.Fixtures.at;
import static org.assertj.core.api.Assertions.assertThat;

class AlertTest {

    @Test
    void theIdIsTheSha256OfDeviceTypeAndOpeningTime() {
        String id = Alert.id("R1", AlertType.OVERHEAT, 1_772_445_731_000L);

        // sha256("R1|OVERHEAT|1772445731000")
        assertThat(id).hasSize(64).matches("[0-9a-f]{64}")
                .isEqualTo(Alert.id("R1", AlertType.OVERHEAT, 1_772_445_731_000L))
                .isNotEqualTo(Alert.id("R1", AlertType.HIGH_VIBRATION, 1_772_445_731_000L))
                .isNotEqualTo(Alert.id("R1", AlertType.OVERHEAT, 1_772_445_731_001L))
                .isNotEqualTo(Alert.id("R2", AlertType.OVERHEAT, 1_772_445_731_000L));
        assertThat(id).isEqualTo(sha256Hex("R1|OVERHEAT|1772445731000"));
    }

    @Test
    void writesEveryColumnOfTheAlertsTable() {
        assertThat(Alert.TABLE.sql()).isEqualTo("INSERT INTO `alerts` (`alert_id`, `device_id`, `type`, `severity`, `opened_at`,"
                + " `resolved_at`, `value`, `message`) VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON DUPLICATE KEY UPDATE"
                + " `device_id` = VALUES(`device_id`), `type` = VALUES(`type`), `severity` = VALUES(`severity`),"
                + " `opened_at` = VALUES(`opened_at`), `resolved_at` = VALUES(`resolved_at`), `value` = VALUES(`value`),"
                + " `message` = VALUES(`message`)");
    }

    @Test
    void messagesFitTheColumnAndValuesAreFiniteOrNull() {
        Alert alert = Alert.open("R1", AlertType.OVERHEAT, Severity.HIGH, 0, Double.NaN, "x".repeat(600));

        assertThat(alert.message()).hasSize(Alert.MAX_MESSAGE_CHARS).endsWith("...");
        assertThat(alert.value()).isNull();
    }

    @Test
    void theMessageSaysWhatWhereSinceWhenAndWhatToDo() {
        AlertMatch m = new AlertMatch("R1", AlertType.OVERHEAT, at(40), at(0), 3, 82.4, Double.NaN, null, "Lab 2");

        assertThat(AlertMessages.opened(m, AlertRules.DEFAULTS.rule("R1", AlertType.OVERHEAT), PatternSettings.CONTRACT))
                .isEqualTo("Temperature on R1 (Lab 2) has been above 75 °C for 3 readings since 10:02:11 UTC (82.4 °C)."
                        + " Check cooling and airflow.");
    }

    @Test
    void everyPatternTypeHasAnActionableMessage() {
        for (AlertType type : AlertPatterns.TYPES) {
            AlertMatch m = new AlertMatch("D1", type, at(20), at(0), 3, 12.5, 80, "temperature", null);
            assertThat(AlertMessages.opened(m, AlertRules.DEFAULTS.rule("D1", type), PatternSettings.CONTRACT))
                    .as(type.name()).contains("D1").contains("10:02:").endsWith(".").doesNotContain("NaN");
        }
    }

    @Test
    void theMqttEventCarriesTheEventAndTheAlertFields() throws Exception {
        Alert alert = Alert.open("R1", AlertType.OVERHEAT, Severity.HIGH, at(20), 82.4, "Hot \"R1\".")
                .resolved(at(50), 82.4, "Hot \"R1\". Resolved.");
        AlertEvent event = AlertEvent.resolved(alert);

        JsonNode json = new JsonMapper().readTree(event.toJson());
        assertThat(event.topic()).isEqualTo("alerts/R1");
        assertThat(json.get("event").asText()).isEqualTo("resolved");
        assertThat(json.get("alertId").asText()).isEqualTo(alert.alertId());
        assertThat(json.get("type").asText()).isEqualTo("OVERHEAT");
        assertThat(json.get("severity").asText()).isEqualTo("HIGH");
        assertThat(json.get("openedAt").asText()).isEqualTo("2026-03-02T10:02:31Z");
        assertThat(json.get("resolvedAt").asText()).isEqualTo("2026-03-02T10:03:01Z");
        assertThat(json.get("value").asDouble()).isEqualTo(82.4);
        assertThat(json.get("message").asText()).isEqualTo("Hot \"R1\". Resolved.");
        assertThat(AlertEvent.MQTT.serialize(event).qos()).isEqualTo(1);
        assertThat(new String(AlertEvent.MQTT.serialize(event).payload(), StandardCharsets.UTF_8)).isEqualTo(event.toJson());

        JsonNode open = new JsonMapper().readTree(AlertEvent.opened(Alert.open("R1", AlertType.OFFLINE, Severity.HIGH, 0, null, "m")).toJson());
        assertThat(open.get("resolvedAt").isNull()).isTrue();
        assertThat(open.get("value").isNull()).isTrue();
        assertThat(Instant.parse(open.get("openedAt").asText())).isEqualTo(Instant.EPOCH);
    }

    @Test
    void commandsArePublishedAsTheRulesWroteThem() {
        DeviceCommand command = new DeviceCommand("R1", "id", "opened", "{\"command\":\"fan\",\"state\":\"on\"}");

        assertThat(DeviceCommand.MQTT.serialize(command).topic()).isEqualTo("devices/R1/commands");
        assertThat(new String(DeviceCommand.MQTT.serialize(command).payload(), StandardCharsets.UTF_8))
                .isEqualTo("{\"command\":\"fan\",\"state\":\"on\"}");
    }

    private static String sha256Hex(String text) {
        try {
            return java.util.HexFormat.of().formatHex(
                    java.security.MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }
}

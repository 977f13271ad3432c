package io.pulse.jobs.telemetry.alerts;

import io.pulse.connectors.mqtt.sink.MqttOutboundMessage;
import io.pulse.connectors.mqtt.sink.MqttRecordSerializer;

import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A change of an alert, published on {@code alerts/{deviceId}} (QoS 1): {@code opened},
 * {@code resolved}, or {@code escalated} (LOW_BATTERY rising to HIGH while open). The JSON carries
 * the event and the alert's fields, as in the alerts table.
 */
public record AlertEvent(String event, Alert alert) {

    public static final String OPENED = "opened";
    public static final String RESOLVED = "resolved";
    public static final String ESCALATED = "escalated";

    private static final JsonMapper MAPPER = new JsonMapper();

    /** For the MQTT sink. */
    public static final MqttRecordSerializer<AlertEvent> MQTT = e -> MqttOutboundMessage.of(e.topic(), e.toJson());

    public static AlertEvent opened(Alert alert) {
        return new AlertEvent(OPENED, alert);
    }

    public static AlertEvent resolved(Alert alert) {
        return new AlertEvent(RESOLVED, alert);
    }

    public static AlertEvent escalated(Alert alert) {
        return new AlertEvent(ESCALATED, alert);
    }

    public String topic() {
        return "alerts/" + alert.deviceId();
    }

    public String toJson() {
        ObjectNode json = MAPPER.createObjectNode();
        json.put("event", event);
        json.put("alertId", alert.alertId());
        json.put("deviceId", alert.deviceId());
        json.put("type", alert.type().name());
        json.put("severity", alert.severity().name());
        json.put("openedAt", alert.openedAt().toString());
        json.put("resolvedAt", alert.resolvedAt() == null ? null : alert.resolvedAt().toString());
        json.put("value", alert.value());
        json.put("message", alert.message());
        return json.toString();
    }
}

package io.pulse.jobs.telemetry.alerts;

import io.pulse.connectors.mqtt.sink.MqttOutboundMessage;
import io.pulse.connectors.mqtt.sink.MqttRecordSerializer;

/**
 * A command the rules declare for an alert change, published as is on
 * {@code devices/{deviceId}/commands} (QoS 1), e.g. {@code {"command":"fan","state":"on"}} when
 * OVERHEAT opens. Carries the alert's id and event so that logs can tie it to the alert.
 */
public record DeviceCommand(String deviceId, String alertId, String event, String payload) {

    /** For the MQTT sink. */
    public static final MqttRecordSerializer<DeviceCommand> MQTT = c -> MqttOutboundMessage.of(c.topic(), c.payload());

    public String topic() {
        return "devices/" + deviceId + "/commands";
    }
}

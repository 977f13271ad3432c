package io.pulse.connectors.mqtt;

import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * One MQTT PUBLISH as a deserializer sees it: topic, raw payload and the MQTT 5 properties that
 * a job may route on. Immutable apart from the payload array, which callers must not modify.
 */
public record MqttMessage(
        String topic,
        byte[] payload,
        int qos,
        boolean retained,
        String contentType,
        Map<String, String> userProperties)
        implements Serializable {

    public MqttMessage {
        userProperties = Map.copyOf(userProperties);
    }

    /** The payload decoded as UTF-8, which is what every Pulse device sends. */
    public String payloadAsString() {
        return new String(payload, StandardCharsets.UTF_8);
    }
}

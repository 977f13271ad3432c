package io.pulse.connectors.mqtt.sink;

import java.nio.charset.StandardCharsets;

/** What the sink publishes for one record. */
public record MqttOutboundMessage(String topic, byte[] payload, int qos, boolean retain) {

    public MqttOutboundMessage {
        if (topic == null || topic.isEmpty() || topic.contains("+") || topic.contains("#")) {
            throw new IllegalArgumentException("MQTT publish topic must be non-empty without wildcards, got '" + topic + "'");
        }
        if (qos < 0 || qos > 2) {
            throw new IllegalArgumentException("MQTT QoS must be 0, 1 or 2, got " + qos);
        }
    }

    /** QoS 1, not retained: how Pulse publishes alerts and commands. */
    public static MqttOutboundMessage of(String topic, String payload) {
        return new MqttOutboundMessage(topic, payload.getBytes(StandardCharsets.UTF_8), 1, false);
    }

    public MqttOutboundMessage retained() {
        return new MqttOutboundMessage(topic, payload, qos, true);
    }
}

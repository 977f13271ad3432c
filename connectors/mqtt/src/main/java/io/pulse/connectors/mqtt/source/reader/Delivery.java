package io.pulse.connectors.mqtt.source.reader;

import io.pulse.connectors.mqtt.MqttMessage;

import com.hivemq.client.mqtt.mqtt5.datatypes.Mqtt5UserProperty;
import com.hivemq.client.mqtt.mqtt5.message.publish.Mqtt5Publish;

import java.util.LinkedHashMap;
import java.util.Map;

/** A received PUBLISH, handed from the client's thread to the reader, not yet acknowledged. */
record Delivery(Mqtt5Publish publish) {

    MqttMessage toMessage() {
        Map<String, String> properties = new LinkedHashMap<>();
        for (Mqtt5UserProperty property : publish.getUserProperties().asList()) {
            properties.put(property.getName().toString(), property.getValue().toString());
        }
        return new MqttMessage(
                publish.getTopic().toString(),
                publish.getPayloadAsBytes(),
                publish.getQos().getCode(),
                publish.isRetain(),
                publish.getContentType().map(Object::toString).orElse(null),
                properties);
    }

    /** Acknowledges to the broker. A delivery from a connection that has since dropped is
     *  redelivered by the broker anyway, so failing to acknowledge it here is harmless. */
    boolean acknowledge() {
        try {
            publish.acknowledge();
            return true;
        } catch (RuntimeException alreadyAcknowledgedOrStale) {
            return false;
        }
    }
}

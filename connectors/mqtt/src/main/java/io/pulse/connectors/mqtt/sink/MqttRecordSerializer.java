package io.pulse.connectors.mqtt.sink;

import java.io.Serializable;

/** Turns a record into the message to publish; {@code null} publishes nothing for it. */
@FunctionalInterface
public interface MqttRecordSerializer<T> extends Serializable {

    MqttOutboundMessage serialize(T record);
}

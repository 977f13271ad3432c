package io.pulse.connectors.mqtt;

import java.io.Serializable;

/**
 * Turns a message the deserializer refused into a record of the stream's own type, so that a job
 * can route rejects (e.g. to a rejected-messages table) with the data it already has. Without a
 * mapper, dead letters are counted and logged only.
 */
@FunctionalInterface
public interface MqttDeadLetterMapper<T> extends Serializable {

    T toRecord(MqttMessage message, String reason);
}

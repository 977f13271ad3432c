package io.pulse.jobs.ingest;

import io.pulse.connectors.mqtt.MqttMessage;

import java.io.Serializable;
import java.time.Instant;
import java.util.function.Consumer;

/**
 * A job's reading of one MQTT message: every valid record goes to {@code records}; every refused
 * part is reported to {@code rejects} with its reason. A message that is an array may yield both.
 */
public interface MessageParser<T> extends Serializable {

    void parse(MqttMessage message, Instant now, Consumer<T> records, Rejects rejects);

    /**
     * The bytes of a refused input as they may be stored in {@code rejected_messages}: a parser
     * masks here what must never be stored (raw MACs). By default the payload is kept as is.
     */
    default byte[] redact(byte[] payload) {
        return payload;
    }

    /** Where a parser reports what it refused. */
    interface Rejects {
        /** The whole message is refused. */
        void reject(String reason);

        /** One object of the message is refused; {@code part} is that object's JSON. */
        void reject(String reason, String part);
    }
}

package io.pulse.connectors.mqtt;

import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.api.java.typeutils.ResultTypeQueryable;
import org.apache.flink.util.Collector;

import java.io.Serializable;

/**
 * Turns an MQTT message into zero or more records. Throwing is the way to reject a message: the
 * source then routes it to the dead-letter path with the exception's message as the reason,
 * acknowledges it and goes on. Nothing is emitted for a message that throws.
 */
public interface MqttDeserializer<T> extends Serializable, ResultTypeQueryable<T> {

    void deserialize(MqttMessage message, Collector<T> out) throws Exception;

    /** The payload as UTF-8 text, one record per message. */
    static MqttDeserializer<String> utf8() {
        return new MqttDeserializer<>() {
            @Override
            public void deserialize(MqttMessage message, Collector<String> out) {
                out.collect(message.payloadAsString());
            }

            @Override
            public TypeInformation<String> getProducedType() {
                return Types.STRING;
            }
        };
    }

    /** The message itself, for jobs that parse and validate in a later step of their own. */
    static MqttDeserializer<MqttMessage> raw() {
        return new MqttDeserializer<>() {
            @Override
            public void deserialize(MqttMessage message, Collector<MqttMessage> out) {
                out.collect(message);
            }

            @Override
            public TypeInformation<MqttMessage> getProducedType() {
                return TypeInformation.of(MqttMessage.class);
            }
        };
    }
}

package io.pulse.jobs.ingest;

import io.pulse.connectors.mqtt.MqttMessage;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;

/**
 * The contract's message shape: a topic with one id in it ({@code devices/{deviceId}/telemetry}),
 * and one JSON object or an array of them. Each object becomes one record or one rejection; a
 * bad topic or unreadable JSON rejects the whole message.
 */
public abstract class JsonObjectsParser<T> implements MessageParser<T> {

    private final TopicPattern topic;

    protected JsonObjectsParser(TopicPattern topic) {
        this.topic = topic;
    }

    @Override
    public final void parse(MqttMessage message, Instant now, Consumer<T> records, Rejects rejects) {
        String topicId;
        List<JsonNode> objects;
        try {
            topicId = topicId(message.topic());
            IngestLimits.payload(message.payload());
            objects = JsonPayload.objects(message.payload());
        } catch (Rejection r) {
            rejects.reject(r.getMessage());
            return;
        }
        for (JsonNode object : objects) {
            try {
                if (!object.isObject()) {
                    throw new Rejection("array element is not an object");
                }
                records.accept(record(object, topicId, now));
            } catch (Rejection r) {
                if (objects.size() == 1) {
                    rejects.reject(r.getMessage());
                } else {
                    rejects.reject(r.getMessage(), object.toString());
                }
            }
        }
    }

    /** The id in the topic, within the contract's id limits; a parser may check it further. */
    protected String topicId(String topicName) throws Rejection {
        return IngestLimits.id("the topic's " + topic.variable(), topic.extract(topicName));
    }

    /** One JSON object of the message as a record. */
    protected abstract T record(JsonNode object, String topicId, Instant now) throws Rejection;

    /** The text of {@code field}, which must be there, not empty, and equal to the topic's id. */
    protected static String idMatchingTopic(JsonNode object, String field, String topicId) throws Rejection {
        JsonNode id = object.get(field);
        if (id == null || !id.isTextual() || id.textValue().isEmpty()) {
            throw new Rejection(field + " is missing");
        }
        if (!id.textValue().equals(topicId)) {
            throw new Rejection(field + " '" + Printable.abbreviate(id.textValue(), 80) + "' does not match the topic's '" + topicId + "'");
        }
        return id.textValue();
    }
}

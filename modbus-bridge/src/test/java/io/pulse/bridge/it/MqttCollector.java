package io.pulse.bridge.it;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.hivemq.client.mqtt.MqttClient;
import com.hivemq.client.mqtt.MqttGlobalPublishFilter;
import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt5.Mqtt5BlockingClient;

import io.pulse.testservers.MosquittoServer;

/**
 * A test subscriber that records every message on a topic filter. Its session is persistent
 * (Clean Start 0, long expiry) and it reconnects by itself, so messages published while it is
 * away (e.g. just after a broker restart) are queued for it by the broker.
 */
final class MqttCollector implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    record Message(String topic, JsonNode json, boolean retained) {}

    private final Mqtt5BlockingClient client;
    private final List<Message> messages = new ArrayList<>();

    MqttCollector(MosquittoServer broker, String clientId, String filter) {
        client = MqttClient.builder().useMqttVersion5()
                .identifier(clientId)
                .serverHost(broker.host()).serverPort(broker.port())
                .automaticReconnect().initialDelay(100, TimeUnit.MILLISECONDS).maxDelay(1, TimeUnit.SECONDS)
                .applyAutomaticReconnect()
                .buildBlocking();
        // registered before connect(): messages of a resumed session are not lost
        client.toAsync().publishes(MqttGlobalPublishFilter.ALL, publish -> {
            try {
                JsonNode json = JSON.readTree(new String(publish.getPayloadAsBytes(), StandardCharsets.UTF_8));
                synchronized (messages) {
                    messages.add(new Message(publish.getTopic().toString(), json, publish.isRetain()));
                }
            } catch (Exception e) {
                throw new IllegalStateException("not JSON on " + publish.getTopic(), e);
            }
        });
        client.connectWith().cleanStart(false).sessionExpiryInterval(3600).send();
        client.subscribeWith().topicFilter(filter).qos(MqttQos.AT_LEAST_ONCE).send();
    }

    List<Message> all() {
        synchronized (messages) {
            return List.copyOf(messages);
        }
    }

    List<JsonNode> on(String topic) {
        return all().stream().filter(m -> m.topic().equals(topic)).map(Message::json).toList();
    }

    /** Distinct {@code ts} values on {@code topic}, in arrival order of their first copy. */
    List<Long> distinctTs(String topic) {
        List<Long> out = new ArrayList<>();
        for (JsonNode json : on(topic)) {
            long ts = json.get("ts").asLong();
            if (!out.contains(ts)) {
                out.add(ts);
            }
        }
        return out;
    }

    @Override
    public void close() {
        try {
            client.disconnect();
        } catch (RuntimeException ignored) {
            // broker already gone
        }
    }
}

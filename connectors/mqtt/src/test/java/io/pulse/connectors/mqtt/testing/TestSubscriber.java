package io.pulse.connectors.mqtt.testing;

import com.hivemq.client.mqtt.MqttGlobalPublishFilter;
import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt5.Mqtt5AsyncClient;
import com.hivemq.client.mqtt.mqtt5.Mqtt5Client;
import com.hivemq.client.mqtt.mqtt5.message.publish.Mqtt5Publish;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/** Subscribes with QoS 1 and records every message it receives (payload and retain flag). */
public final class TestSubscriber implements AutoCloseable {

    public record Received(String topic, String payload, boolean retained) {}

    private final Mqtt5AsyncClient client;
    public final List<Received> received = new CopyOnWriteArrayList<>();

    public TestSubscriber(String host, int port, String topicFilter) {
        this(host, port, topicFilter, false);
    }

    /**
     * @param persistent a session the broker keeps across a restart, reconnecting by itself: it
     *                   receives what is published after the broker is back
     */
    public TestSubscriber(String host, int port, String topicFilter, boolean persistent) {
        var builder = Mqtt5Client.builder().identifier("test-subscriber-" + UUID.randomUUID()).serverHost(host).serverPort(port);
        if (persistent) {
            builder = builder.automaticReconnect().initialDelay(100, TimeUnit.MILLISECONDS).maxDelay(1, TimeUnit.SECONDS).applyAutomaticReconnect();
        }
        client = builder.buildAsync();
        client.publishes(MqttGlobalPublishFilter.ALL, this::onPublish);
        client.connectWith().cleanStart(!persistent).sessionExpiryInterval(persistent ? 600 : 0).send()
                .orTimeout(10, TimeUnit.SECONDS).join();
        client.subscribeWith().topicFilter(topicFilter).qos(MqttQos.AT_LEAST_ONCE).send().orTimeout(10, TimeUnit.SECONDS).join();
    }

    private void onPublish(Mqtt5Publish publish) {
        received.add(new Received(publish.getTopic().toString(),
                new String(publish.getPayloadAsBytes(), StandardCharsets.UTF_8), publish.isRetain()));
    }

    @Override
    public void close() {
        client.disconnect().orTimeout(5, TimeUnit.SECONDS).exceptionally(e -> null).join();
    }
}

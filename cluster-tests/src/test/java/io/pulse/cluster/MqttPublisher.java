package io.pulse.cluster;

import io.pulse.testservers.MosquittoServer;

import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt5.Mqtt5BlockingClient;
import com.hivemq.client.mqtt.mqtt5.Mqtt5Client;

import java.nio.charset.StandardCharsets;

/** A device or gate publishing with QoS 1, as the real ones do. */
final class MqttPublisher implements AutoCloseable {

    private final Mqtt5BlockingClient client;

    MqttPublisher(MosquittoServer mqtt, String id) {
        client = Mqtt5Client.builder().identifier(id).serverHost(mqtt.host()).serverPort(mqtt.port()).buildBlocking();
        client.connect();
    }

    void publish(String topic, String payload) {
        client.publishWith().topic(topic).qos(MqttQos.AT_LEAST_ONCE).payload(payload.getBytes(StandardCharsets.UTF_8)).send();
    }

    @Override
    public void close() {
        client.disconnect();
    }
}

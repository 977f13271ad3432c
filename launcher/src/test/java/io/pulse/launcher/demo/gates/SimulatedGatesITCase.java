package io.pulse.launcher.demo.gates;

import io.pulse.launcher.demo.EmbeddedBroker;

import com.hivemq.client.mqtt.MqttGlobalPublishFilter;
import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt5.Mqtt5BlockingClient;
import com.hivemq.client.mqtt.mqtt5.Mqtt5Client;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

/** The demo's gates publish sightings at both gates on the demo's broker (HiveMQ CE embedded). */
class SimulatedGatesITCase {

    @Test
    void bothGatesPublishSightingsOnTheirTopics(@TempDir Path dir) throws Exception {
        try (EmbeddedBroker broker = EmbeddedBroker.start(dir, 0)) {
            List<String> topics = new CopyOnWriteArrayList<>();
            URI uri = URI.create(broker.uri());
            Mqtt5BlockingClient listener = Mqtt5Client.builder().identifier("gates-it").serverHost(uri.getHost())
                    .serverPort(uri.getPort()).buildBlocking();
            listener.toAsync().publishes(MqttGlobalPublishFilter.ALL, p -> {
                if (new String(p.getPayloadAsBytes(), StandardCharsets.UTF_8).contains("\"scanner\"")) {
                    topics.add(p.getTopic().toString());
                }
            });
            listener.connect();
            listener.subscribeWith().topicFilter("campus/gates/+/sightings").qos(MqttQos.AT_LEAST_ONCE).send();
            try (SimulatedGates gates = SimulatedGates.start(broker.uri(), Duration.ofSeconds(20))) {
                long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
                while (!(topics.contains("campus/gates/main/sightings") && topics.contains("campus/gates/east/sightings"))
                        && System.nanoTime() < deadline) {
                    Thread.sleep(100);
                }
                assertThat(topics).contains("campus/gates/main/sightings", "campus/gates/east/sightings");
                assertThat(gates.published()).isPositive();
            } finally {
                listener.disconnect();
            }
        }
    }
}

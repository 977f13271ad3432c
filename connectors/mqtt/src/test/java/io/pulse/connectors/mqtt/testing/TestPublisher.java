package io.pulse.connectors.mqtt.testing;

import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt5.Mqtt5AsyncClient;
import com.hivemq.client.mqtt.mqtt5.Mqtt5Client;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/** Publishes test messages with QoS 1 and waits until the broker acknowledged each of them. */
public final class TestPublisher implements AutoCloseable {

    private final Mqtt5AsyncClient client;

    public TestPublisher(String host, int port) {
        this(host, port, null, null);
    }

    public TestPublisher(String host, int port, String username, String password) {
        var builder = Mqtt5Client.builder().identifier("test-publisher-" + UUID.randomUUID()).serverHost(host).serverPort(port);
        if (username != null) {
            builder = builder.simpleAuth().username(username).password(password.getBytes(StandardCharsets.UTF_8)).applySimpleAuth();
        }
        client = builder.buildAsync();
        client.connect().orTimeout(10, TimeUnit.SECONDS).join();
    }

    public void publish(String topic, String payload) {
        client.publishWith().topic(topic).qos(MqttQos.AT_LEAST_ONCE)
                .payload(payload.getBytes(StandardCharsets.UTF_8)).send().orTimeout(10, TimeUnit.SECONDS).join();
    }

    /** Publishes {@code payloads} in order with up to 1,000 in flight; returns once all are acknowledged. */
    public void publishAll(String topic, List<String> payloads) {
        Semaphore window = new Semaphore(1_000);
        List<CompletableFuture<?>> sent = new ArrayList<>(payloads.size());
        for (String payload : payloads) {
            window.acquireUninterruptibly();
            sent.add(client.publishWith().topic(topic).qos(MqttQos.AT_LEAST_ONCE)
                    .payload(payload.getBytes(StandardCharsets.UTF_8)).send()
                    .whenComplete((result, error) -> window.release()));
        }
        CompletableFuture.allOf(sent.toArray(CompletableFuture[]::new)).orTimeout(120, TimeUnit.SECONDS).join();
    }

    /** Publishes payload {@code i} to {@code <topicBase>/<i % topics>}: messages for sessions that divide topics. */
    public void publishSpread(String topicBase, int topics, List<String> payloads) {
        Semaphore window = new Semaphore(1_000);
        List<CompletableFuture<?>> sent = new ArrayList<>(payloads.size());
        for (int i = 0; i < payloads.size(); i++) {
            window.acquireUninterruptibly();
            sent.add(client.publishWith().topic(topicBase + "/" + (i % topics)).qos(MqttQos.AT_LEAST_ONCE)
                    .payload(payloads.get(i).getBytes(StandardCharsets.UTF_8)).send()
                    .whenComplete((result, error) -> window.release()));
        }
        CompletableFuture.allOf(sent.toArray(CompletableFuture[]::new)).orTimeout(300, TimeUnit.SECONDS).join();
    }

    public static List<String> numbered(String prefix, int count) {
        List<String> payloads = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            payloads.add(prefix + "-" + i);
        }
        return payloads;
    }

    @Override
    public void close() {
        client.disconnect().orTimeout(5, TimeUnit.SECONDS).exceptionally(e -> null).join();
    }
}

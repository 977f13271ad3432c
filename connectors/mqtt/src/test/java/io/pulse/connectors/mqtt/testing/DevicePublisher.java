package io.pulse.connectors.mqtt.testing;

import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt5.Mqtt5AsyncClient;
import com.hivemq.client.mqtt.mqtt5.Mqtt5Client;

import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Publishes like a device that keeps its readings while the broker is away: one message at a
 * time at a steady pace, QoS 1, each sent again until the broker acknowledged it. Runs on its own
 * thread until all are acknowledged.
 */
public final class DevicePublisher implements AutoCloseable {

    private final Mqtt5AsyncClient client;
    private final Thread thread;
    private final AtomicInteger acknowledged = new AtomicInteger();
    private final AtomicInteger resends = new AtomicInteger();
    private volatile boolean stopped;

    public DevicePublisher(String host, int port, String topicBase, int topics, int count, long pauseMillis) {
        client = Mqtt5Client.builder().identifier("test-device-" + UUID.randomUUID()).serverHost(host).serverPort(port)
                .automaticReconnect().initialDelay(100, TimeUnit.MILLISECONDS).maxDelay(500, TimeUnit.MILLISECONDS).applyAutomaticReconnect()
                .buildAsync();
        client.connect().orTimeout(10, TimeUnit.SECONDS).join();
        thread = new Thread(() -> {
            for (int i = 0; i < count && !stopped; i++) {
                byte[] payload = ("m-" + i).getBytes(StandardCharsets.UTF_8);
                while (!stopped) {
                    try {
                        client.publishWith().topic(topicBase + "/" + (i % topics)).qos(MqttQos.AT_LEAST_ONCE).payload(payload)
                                .send().get(2, TimeUnit.SECONDS);
                        acknowledged.incrementAndGet();
                        break;
                    } catch (Exception brokerAway) {
                        resends.incrementAndGet();
                        sleep(100);
                    }
                }
                sleep(pauseMillis);
            }
        }, "device-publisher");
        thread.start();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    public int acknowledged() {
        return acknowledged.get();
    }

    public int resends() {
        return resends.get();
    }

    public void awaitDone(long timeoutMillis) throws InterruptedException {
        thread.join(timeoutMillis);
        if (thread.isAlive()) {
            throw new AssertionError("the device published only " + acknowledged() + " messages in time");
        }
    }

    @Override
    public void close() throws InterruptedException {
        stopped = true;
        thread.join(5_000);
        client.disconnect().orTimeout(5, TimeUnit.SECONDS).exceptionally(e -> null).join();
    }
}

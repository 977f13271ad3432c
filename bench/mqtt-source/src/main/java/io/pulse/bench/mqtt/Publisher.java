package io.pulse.bench.mqtt;

import io.pulse.testservers.MosquittoServer;

import com.hivemq.client.mqtt.mqtt5.Mqtt5AsyncClient;
import com.hivemq.client.mqtt.mqtt5.Mqtt5Client;
import com.hivemq.client.mqtt.mqtt5.message.publish.Mqtt5Publish;

import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * One HiveMQ MQTT 5 client publishing prepared messages with QoS 1 as fast as the broker takes
 * them: up to {@link #WINDOW} publishes wait for their PUBACK at a time (Mosquitto's
 * {@code max_inflight_messages}, which it also announces to publishers as its Receive Maximum).
 */
final class Publisher implements AutoCloseable {

    static final int WINDOW = 1_000;

    private final Mqtt5AsyncClient client;

    /** Connects (clean session) before anyone starts a clock. */
    Publisher(MosquittoServer mqtt, String clientId) {
        client = Mqtt5Client.builder().identifier(clientId).serverHost(mqtt.host()).serverPort(mqtt.port()).buildAsync();
        client.connect().orTimeout(10, TimeUnit.SECONDS).join();
    }

    /**
     * Publishes every message in order and returns {@link System#nanoTime()} of the last PUBACK.
     * Fails if the broker refused any of them or one was not acknowledged within 5 minutes.
     */
    long publishAll(List<Mqtt5Publish> messages) throws InterruptedException {
        Semaphore window = new Semaphore(WINDOW);
        CountDownLatch acknowledged = new CountDownLatch(messages.size());
        AtomicLong lastAck = new AtomicLong();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        for (Mqtt5Publish message : messages) {
            window.acquire();
            client.publish(message).whenComplete((result, error) -> {
                Throwable refused = error != null ? error : result.getError().orElse(null);
                if (refused != null) {
                    failure.compareAndSet(null, refused);
                }
                lastAck.accumulateAndGet(System.nanoTime(), Math::max);
                window.release();
                acknowledged.countDown();
            });
            if (failure.get() != null) {
                break;
            }
        }
        if (failure.get() == null && !acknowledged.await(5, TimeUnit.MINUTES)) {
            throw new IllegalStateException("publisher: " + acknowledged.getCount() + " of " + messages.size()
                    + " publishes not acknowledged after 5 minutes");
        }
        if (failure.get() != null) {
            throw new IllegalStateException("publisher: the broker did not take a message: " + failure.get(), failure.get());
        }
        return lastAck.get();
    }

    @Override
    public void close() {
        client.disconnect().orTimeout(5, TimeUnit.SECONDS).exceptionally(e -> null).join();
    }
}

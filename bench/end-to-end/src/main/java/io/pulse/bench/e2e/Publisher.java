package io.pulse.bench.e2e;

import io.pulse.testservers.MosquittoServer;

import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt5.Mqtt5AsyncClient;
import com.hivemq.client.mqtt.mqtt5.Mqtt5Client;
import com.hivemq.client.mqtt.mqtt5.message.publish.Mqtt5Publish;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;

/**
 * One HiveMQ MQTT 5 client publishing a scenario's N messages with QoS 1, up to {@link #WINDOW}
 * unacknowledged (the broker's {@code max_inflight_messages}), either as fast as the broker takes them
 * (rate 0) or paced to a fixed rate (message k not before start + k / rate). Each message's {@code ts}
 * is the wall clock when it is built, right before its publish, strictly increasing per key.
 */
final class Publisher implements AutoCloseable {

    static final int WINDOW = 1_000;

    private final Mqtt5AsyncClient client;
    private final String clientId;

    Publisher(MosquittoServer mqtt, String clientId) {
        this.clientId = clientId;
        client = Mqtt5Client.builder().identifier(clientId).serverHost(mqtt.host()).serverPort(mqtt.port()).buildAsync();
        client.connect().orTimeout(10, TimeUnit.SECONDS).join();
    }

    String clientId() {
        return clientId;
    }

    /** When the first message went out and the last PUBACK came back ({@link System#nanoTime()}). */
    record Published(long firstNanos, long lastAckNanos) {}

    Published publishAll(Workload workload, String tag, int n, int ratePerSecond, int probeEvery) throws InterruptedException {
        Semaphore window = new Semaphore(WINDOW);
        CountDownLatch acknowledged = new CountDownLatch(n);
        AtomicLong lastAck = new AtomicLong();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        long[] lastTs = new long[(int) Math.max(workload.key(n - 1L), Workload.DEVICES) + 1];
        long start = System.nanoTime();
        for (int k = 0; k < n && failure.get() == null; k++) {
            if (ratePerSecond > 0) {
                long due = start + (long) (k * 1e9 / ratePerSecond);
                long wait;
                while ((wait = due - System.nanoTime()) > 0) {
                    LockSupport.parkNanos(wait);
                }
            }
            window.acquire();
            int key = (int) workload.key(k);
            long ts = Math.max(System.currentTimeMillis(), lastTs[key] + 1);
            lastTs[key] = ts;
            Mqtt5Publish message = Mqtt5Publish.builder()
                    .topic(workload.topic(tag, k, probeEvery))
                    .qos(MqttQos.AT_LEAST_ONCE)
                    .payload(workload.payload(tag, k, probeEvery, ts).getBytes(StandardCharsets.UTF_8))
                    .build();
            client.publish(message).whenComplete((result, error) -> {
                Throwable refused = error != null ? error : result.getError().orElse(null);
                if (refused != null) {
                    failure.compareAndSet(null, refused);
                }
                lastAck.accumulateAndGet(System.nanoTime(), Math::max);
                window.release();
                acknowledged.countDown();
            });
        }
        if (failure.get() == null && !acknowledged.await(10, TimeUnit.MINUTES)) {
            throw new IllegalStateException("publisher: " + acknowledged.getCount() + " of " + n + " not acknowledged");
        }
        if (failure.get() != null) {
            throw new IllegalStateException("publisher: the broker did not take a message: " + failure.get(), failure.get());
        }
        return new Published(start, lastAck.get());
    }

    /** One message that only moves event time on (see {@link Workload#flushAheadMs}); does not wait for its PUBACK. */
    void publishFlush(Workload workload, String tag, int i, long ts) {
        client.publish(Mqtt5Publish.builder().topic(workload.flushTopic(tag, i)).qos(MqttQos.AT_LEAST_ONCE)
                .payload(workload.flushPayload(tag, i, ts).getBytes(StandardCharsets.UTF_8)).build());
    }

    /** A plain QoS 1 message, e.g. a warm-up reading; waits for its PUBACK. */
    void publish(String topic, String payload) {
        client.publish(Mqtt5Publish.builder().topic(topic).qos(MqttQos.AT_LEAST_ONCE)
                .payload(payload.getBytes(StandardCharsets.UTF_8)).build()).orTimeout(10, TimeUnit.SECONDS).join();
    }

    @Override
    public void close() {
        client.disconnect().orTimeout(5, TimeUnit.SECONDS).exceptionally(e -> null).join();
    }
}

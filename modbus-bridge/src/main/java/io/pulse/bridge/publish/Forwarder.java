package io.pulse.bridge.publish;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.hivemq.client.mqtt.mqtt5.message.publish.Mqtt5PublishResult;

import io.pulse.bridge.queue.QueuedMessage;
import io.pulse.bridge.queue.ReadingQueue;

/**
 * Moves messages from the durable queue to the broker, oldest first. A window of messages is
 * published, their PUBACKs awaited in order, and only the acknowledged prefix is removed from
 * the queue; anything after a failure is sent again (QoS 1: a duplicate is possible, a loss is
 * not). Order is kept: nothing newer is removed before everything older was acknowledged.
 */
public final class Forwarder implements Runnable {

    private static final Logger LOG = LoggerFactory.getLogger(Forwarder.class);
    private static final int WINDOW = 100;
    private static final long ACK_TIMEOUT_MS = 30_000;

    private final ReadingQueue queue;
    private final MqttLink link;
    private volatile boolean running = true;

    public Forwarder(ReadingQueue queue, MqttLink link) {
        this.queue = queue;
        this.link = link;
    }

    @Override
    public void run() {
        while (running) {
            try {
                if (!link.isConnected()) {
                    Thread.sleep(100);
                    continue;
                }
                List<QueuedMessage> batch = queue.peek(WINDOW);
                if (batch.isEmpty()) {
                    queue.awaitMessages(500);
                    continue;
                }
                if (!sendBatch(batch)) {
                    Thread.sleep(200); // the link is down or refusing: the queue keeps everything
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                if (running) {
                    LOG.error("forwarding failed, retrying: {}", e.toString());
                    sleepQuietly();
                }
            }
        }
    }

    /** @return whether the whole batch was acknowledged */
    private boolean sendBatch(List<QueuedMessage> batch) throws InterruptedException {
        List<CompletableFuture<Mqtt5PublishResult>> acks = new ArrayList<>(batch.size());
        for (QueuedMessage m : batch) {
            acks.add(link.publish(m.topic(), m.payload(), false));
        }
        long ackedThrough = -1;
        boolean all = true;
        for (int i = 0; i < batch.size(); i++) {
            try {
                acks.get(i).get(ACK_TIMEOUT_MS, TimeUnit.MILLISECONDS);
                ackedThrough = batch.get(i).seq();
            } catch (InterruptedException e) {
                throw e;
            } catch (Exception e) {
                LOG.debug("no PUBACK for queued message {}: {}", batch.get(i).seq(), e.toString());
                all = false;
                break;
            }
        }
        if (ackedThrough >= 0) {
            queue.removeThrough(ackedThrough);
        }
        return all;
    }

    public void stop() {
        running = false;
    }

    private static void sleepQuietly() {
        try {
            Thread.sleep(500);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

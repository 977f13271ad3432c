package io.pulse.connectors.mqtt.sink;

import io.pulse.connectors.mqtt.MqttConnectionOptions;
import io.pulse.connectors.mqtt.client.ConnectionState;
import io.pulse.connectors.mqtt.client.MqttClients;
import io.pulse.connectors.mqtt.client.ReconnectBackoff;

import org.apache.flink.api.connector.sink2.SinkWriter;
import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.Gauge;
import org.apache.flink.metrics.MetricGroup;
import org.apache.flink.metrics.groups.SinkWriterMetricGroup;

import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt5.Mqtt5AsyncClient;
import com.hivemq.client.mqtt.mqtt5.exceptions.Mqtt5PubAckException;
import com.hivemq.client.mqtt.mqtt5.message.publish.Mqtt5PublishResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Publishes asynchronously with at most {@code maxInFlight} unacknowledged messages (then
 * {@link #write} blocks: backpressure). {@link #flush} waits for every acknowledgement, which is
 * what makes a checkpoint mean "all of this reached the broker". While the broker is away the
 * client reconnects in the background and everything not acknowledged is sent again once it is
 * back (a checkpoint waits for that); a publish the broker refuses fails the job with the
 * broker's reason.
 */
final class MqttSinkWriter<T> implements SinkWriter<T> {

    private static final Logger LOG = LoggerFactory.getLogger(MqttSinkWriter.class);
    private static final long RESEND_DELAY_MILLIS = 200;

    private final MqttConnectionOptions connection;
    private final String clientId;
    private final int maxInFlight;
    private final MqttRecordSerializer<T> serializer;
    private final Semaphore inFlight;
    private final AtomicReference<String> failure = new AtomicReference<>();
    private final ConnectionState state = new ConnectionState();
    private final Mqtt5AsyncClient client;
    private final Counter published;
    private final AtomicLong retries = new AtomicLong();
    private volatile boolean closing;

    MqttSinkWriter(MqttConnectionOptions connection, String clientId, int maxInFlight, ReconnectBackoff backoff,
                   MqttRecordSerializer<T> serializer, SinkWriterMetricGroup metricGroup) {
        this.connection = connection;
        this.clientId = clientId;
        this.maxInFlight = maxInFlight;
        this.serializer = serializer;
        this.inFlight = new Semaphore(maxInFlight);
        this.client = MqttClients.build(connection, clientId, backoff, state, () -> closing, () -> {});
        MetricGroup group = metricGroup.addGroup("mqtt");
        this.published = group.counter("messagesPublished");
        group.gauge("pendingAcknowledgements", (Gauge<Integer>) () -> maxInFlight - inFlight.availablePermits());
        group.gauge("reconnects", (Gauge<Long>) state::reconnects);
        group.gauge("resends", (Gauge<Long>) retries::get);
        client.connectWith().cleanStart(true).keepAlive(30).send().whenComplete((connAck, error) -> {
            if (error == null) {
                LOG.info("MQTT sink '{}' connected to {}", clientId, connection.brokerUri());
            }
        });
    }

    @Override
    public void write(T record, Context context) throws IOException, InterruptedException {
        throwIfFailed();
        MqttOutboundMessage message = serializer.serialize(record);
        if (message == null) {
            return;
        }
        inFlight.acquire();
        publish(message);
    }

    private void publish(MqttOutboundMessage message) {
        client.publishWith()
                .topic(message.topic())
                .payload(message.payload())
                .qos(MqttQos.fromCode(message.qos()))
                .retain(message.retain())
                .send()
                .whenComplete((result, error) -> onPublished(message, result, error));
    }

    /**
     * A publish the broker refused (its PUBACK says why) fails the job. One that failed because the
     * connection went away is sent again once the client is back: a broker restart is an outage to
     * ride out, not a reason to fail.
     */
    private void onPublished(MqttOutboundMessage message, Mqtt5PublishResult result, Throwable error) {
        Throwable refused = result != null ? result.getError().orElse(null) : null;
        if (error == null && refused == null) {
            published.inc();
            inFlight.release();
            return;
        }
        Throwable cause = refused != null ? refused : error;
        if (refused == null && !(cause instanceof Mqtt5PubAckException) && !closing) {
            if (retries.incrementAndGet() == 1 || retries.get() % 1000 == 0) {
                LOG.warn("MQTT sink '{}' could not deliver to {} ({}); sending again once the broker is back ({} resends so far)",
                        clientId, connection.brokerUri(), cause.toString(), retries.get());
            }
            CompletableFuture.delayedExecutor(RESEND_DELAY_MILLIS, TimeUnit.MILLISECONDS).execute(() -> publish(message));
            return;
        }
        failure.compareAndSet(null, "MQTT broker " + connection.brokerUri() + " did not accept a publish to '"
                + message.topic() + "' from client '" + clientId + "': " + cause.getMessage());
        inFlight.release();
    }

    /** Waits until the broker acknowledged everything written so far. */
    @Override
    public void flush(boolean endOfInput) throws IOException, InterruptedException {
        while (!inFlight.tryAcquire(maxInFlight, 10, TimeUnit.SECONDS)) {
            throwIfFailed();
            LOG.warn("MQTT sink '{}' waits for {} acknowledgements from {}{}", clientId,
                    maxInFlight - inFlight.availablePermits(), connection.brokerUri(),
                    state.connected() ? "" : " (disconnected: " + state.lastFailure() + ")");
        }
        inFlight.release(maxInFlight);
        throwIfFailed();
    }

    private void throwIfFailed() throws IOException {
        String message = failure.get();
        if (message != null) {
            throw new IOException(message);
        }
    }

    @Override
    public void close() throws Exception {
        closing = true;
        try {
            client.disconnect().get(5, TimeUnit.SECONDS);
        } catch (Exception e) {
            LOG.debug("MQTT sink '{}' did not disconnect cleanly: {}", clientId, e.toString());
        }
    }
}

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
import com.hivemq.client.mqtt.mqtt5.message.publish.Mqtt5PublishResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Publishes asynchronously with at most {@code maxInFlight} unacknowledged messages (then
 * {@link #write} blocks: backpressure). {@link #flush} waits for every acknowledgement, which is
 * what makes a checkpoint mean "all of this reached the broker". While the broker is away the
 * client reconnects in the background and sends what it holds once it is back; a publish the
 * broker refuses fails the job with the broker's reason.
 */
final class MqttSinkWriter<T> implements SinkWriter<T> {

    private static final Logger LOG = LoggerFactory.getLogger(MqttSinkWriter.class);

    private final MqttConnectionOptions connection;
    private final String clientId;
    private final int maxInFlight;
    private final MqttRecordSerializer<T> serializer;
    private final Semaphore inFlight;
    private final AtomicReference<String> failure = new AtomicReference<>();
    private final ConnectionState state = new ConnectionState();
    private final Mqtt5AsyncClient client;
    private final Counter published;
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
        client.publishWith()
                .topic(message.topic())
                .payload(message.payload())
                .qos(MqttQos.fromCode(message.qos()))
                .retain(message.retain())
                .send()
                .whenComplete((result, error) -> onPublished(message, result, error));
    }

    private void onPublished(MqttOutboundMessage message, Mqtt5PublishResult result, Throwable error) {
        try {
            Throwable cause = error != null ? error : result.getError().orElse(null);
            if (cause != null) {
                failure.compareAndSet(null, "MQTT broker " + connection.brokerUri() + " did not accept a publish to '"
                        + message.topic() + "' from client '" + clientId + "': " + cause.getMessage());
            } else {
                published.inc();
            }
        } finally {
            inFlight.release();
        }
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

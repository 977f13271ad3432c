package io.pulse.connectors.mqtt.source.reader;

import io.pulse.connectors.mqtt.client.ConnectionState;
import io.pulse.connectors.mqtt.client.MqttClients;
import io.pulse.connectors.mqtt.source.MqttSourceOptions;
import io.pulse.connectors.mqtt.source.split.MqttSessionSplit;

import org.apache.flink.connector.base.source.reader.synchronization.FutureCompletingBlockingQueue;

import com.hivemq.client.mqtt.MqttGlobalPublishFilter;
import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt5.Mqtt5AsyncClient;
import com.hivemq.client.mqtt.mqtt5.message.publish.Mqtt5Publish;
import com.hivemq.client.mqtt.mqtt5.message.subscribe.Mqtt5Subscribe;
import com.hivemq.client.mqtt.mqtt5.message.subscribe.Mqtt5SubscribeBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * One persistent MQTT session of a reader: a client with a stable id, {@code cleanStart=false},
 * manual acknowledgement and a bounded Receive Maximum. Received messages go into the reader's
 * bounded hand-over queue from a thread of this session's own, which blocks while the queue is
 * full: backpressure, never loss, and the client's network thread is never blocked.
 */
final class MqttSession implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(MqttSession.class);

    private final MqttSourceOptions options;
    private final MqttSessionSplit split;
    private final String clientId;
    private final FutureCompletingBlockingQueue<Delivery> handover;
    private final ConnectionState state = new ConnectionState();
    private final ExecutorService callbackThread;
    private final Mqtt5AsyncClient client;
    private volatile boolean closing;

    MqttSession(MqttSourceOptions options, MqttSessionSplit split, FutureCompletingBlockingQueue<Delivery> handover) {
        this.options = options;
        this.split = split;
        this.clientId = split.clientId(options.clientIdPrefix());
        this.handover = handover;
        this.callbackThread = Executors.newSingleThreadExecutor(runnable -> {
            Thread thread = new Thread(runnable, "mqtt-source-" + clientId);
            thread.setDaemon(true);
            return thread;
        });
        // Subscribing on every connection keeps the subscription also when the broker lost the session.
        this.client = MqttClients.build(
                options.connection(), clientId, options.reconnectBackoff(), state, () -> closing, this::subscribe);
    }

    /** Starts connecting; failures are logged and retried in the background, never thrown. */
    void open() {
        // The callback must exist before connect(): a resumed session delivers at once.
        client.publishes(MqttGlobalPublishFilter.ALL, this::onPublish, callbackThread, true);
        client.connectWith()
                .cleanStart(false)
                .sessionExpiryInterval(options.sessionExpiry().toSeconds())
                .keepAlive(30)
                .restrictions().receiveMaximum(options.receiveMaximum()).applyRestrictions()
                .send()
                .whenComplete((connAck, failure) -> {
                    if (failure == null) {
                        LOG.info("MQTT session '{}' connected to {} (session present: {})",
                                clientId, options.connection().brokerUri(), connAck.isSessionPresent());
                    }
                });
    }

    private void subscribe() {
        Mqtt5SubscribeBuilder.Start builder = Mqtt5Subscribe.builder();
        Mqtt5SubscribeBuilder.Complete complete = null;
        for (Map.Entry<String, Integer> filter : options.topicFilters().entrySet()) {
            String topic = options.subscriptionFilter(filter.getKey());
            MqttQos qos = MqttQos.fromCode(filter.getValue());
            complete = complete == null
                    ? builder.topicFilter(topic).qos(qos)
                    : complete.addSubscription().topicFilter(topic).qos(qos).applySubscription();
        }
        client.subscribe(complete.build()).whenComplete((subAck, failure) -> {
            if (failure != null) {
                LOG.error("MQTT session '{}' could not subscribe to {}: {}", clientId, options.topicFilters().keySet(), failure.getMessage());
            } else if (subAck.getReasonCodes().stream().anyMatch(code -> code.isError())) {
                LOG.error("MQTT broker {} refused subscription of session '{}' to {}: {}",
                        options.connection().brokerUri(), clientId, options.topicFilters().keySet(), subAck.getReasonCodes());
            } else {
                LOG.debug("MQTT session '{}' subscribed: {}", clientId, subAck.getReasonCodes());
            }
        });
    }

    private void onPublish(Mqtt5Publish publish) {
        try {
            handover.put(split.sessionIndex(), new Delivery(publish));
        } catch (InterruptedException e) {
            // Closing: the message stays unacknowledged and the broker redelivers it.
            Thread.currentThread().interrupt();
        }
    }

    ConnectionState state() {
        return state;
    }

    MqttSessionSplit split() {
        return split;
    }

    /** Disconnects without acknowledging anything pending: the broker keeps it for the session. */
    @Override
    public void close() {
        closing = true;
        handover.wakeUpPuttingThread(split.sessionIndex());
        callbackThread.shutdownNow();
        try {
            client.disconnect().get(5, TimeUnit.SECONDS);
        } catch (Exception e) {
            LOG.debug("MQTT session '{}' did not disconnect cleanly: {}", clientId, e.toString());
        }
    }
}

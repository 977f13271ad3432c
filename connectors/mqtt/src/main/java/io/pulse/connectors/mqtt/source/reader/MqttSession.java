package io.pulse.connectors.mqtt.source.reader;

import io.pulse.connectors.mqtt.MqttMessage;
import io.pulse.connectors.mqtt.client.ConnectionState;
import io.pulse.connectors.mqtt.client.MqttClients;
import io.pulse.connectors.mqtt.source.MqttSourceOptions;
import io.pulse.connectors.mqtt.source.MqttSubscriptionMode;
import io.pulse.connectors.mqtt.source.MqttSubscriptions;
import io.pulse.connectors.mqtt.source.spool.SessionSpool;
import io.pulse.connectors.mqtt.source.split.MqttSessionSplit;

import com.hivemq.client.mqtt.MqttGlobalPublishFilter;
import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt5.Mqtt5AsyncClient;
import com.hivemq.client.mqtt.mqtt5.datatypes.Mqtt5UserProperty;
import com.hivemq.client.mqtt.mqtt5.message.publish.Mqtt5Publish;
import com.hivemq.client.mqtt.mqtt5.message.subscribe.Mqtt5Subscribe;
import com.hivemq.client.mqtt.mqtt5.message.subscribe.Mqtt5SubscribeBuilder;
import io.reactivex.disposables.Disposable;
import io.reactivex.schedulers.Schedulers;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One persistent MQTT session of a reader: a client with a stable id, {@code cleanStart=false} and
 * manual acknowledgement, writing what it receives to its {@link SessionSpool}. A message is
 * acknowledged to the broker only after the spool committed it, a few milliseconds after it
 * arrived, so the broker's in-flight window never fills because a checkpoint is far away.
 *
 * <p>Why not acknowledge when the checkpoint completes: Mosquitto before 2.0.13 (Debian 12 ships
 * 2.0.11) moves up to a whole window of queued messages into flight on every PUBACK at the head of
 * the window. With acknowledgements held for a checkpoint interval, a queue builds, and the first
 * PUBACKs make the broker exceed the client's Receive Maximum: the client disconnects
 * (RECEIVE_MAXIMUM_EXCEEDED) and everything in flight is redelivered, again and again.
 */
final class MqttSession implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(MqttSession.class);
    private static final long COMMIT_DELAY_MICROS = 5_000;
    /**
     * Messages committed and acknowledged together, and handed to the callback thread ahead of it.
     * Small on purpose: the HiveMQ client (1.4) walks every delivered, unacknowledged message on
     * each arrival and each acknowledgement, so the work per message grows with how many wait; a
     * commit (one write, one force to disk) costs well under a millisecond.
     */
    static final int COMMIT_BATCH = 64;

    private final MqttSourceOptions options;
    private final MqttSessionSplit split;
    private final String clientId;
    private final SessionSpool spool;
    private final Runnable onCommit;
    private final ConnectionState state = new ConnectionState();
    private final ScheduledExecutorService callbackThread;
    private final Mqtt5AsyncClient client;
    private final int commitBatch;
    private final List<Mqtt5Publish> uncommitted = new ArrayList<>();
    private final AtomicLong received = new AtomicLong();
    private final AtomicLong acknowledged = new AtomicLong();
    private final AtomicLong skipped = new AtomicLong();
    private ScheduledFuture<?> scheduledCommit;
    private Disposable publishes;
    private volatile boolean closing;
    /** A spool that cannot be written: the reader fails the task, and a restart reconnects and gets everything again. */
    private volatile IOException failure;

    MqttSession(MqttSourceOptions options, MqttSessionSplit split, SessionSpool spool, Runnable onCommit) {
        this.options = options;
        this.split = split;
        this.clientId = split.clientId(options.clientIdPrefix());
        this.spool = spool;
        this.onCommit = onCommit;
        // Commit often enough that the in-flight window stays far from full.
        this.commitBatch = Math.max(1, Math.min(COMMIT_BATCH, options.receiveMaximum() / 4));
        ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(1, runnable -> {
            Thread thread = new Thread(runnable, "mqtt-source-" + clientId);
            thread.setDaemon(true);
            return thread;
        });
        executor.setRemoveOnCancelPolicy(true);
        this.callbackThread = executor;
        // Subscribing on every connection keeps the subscription also when the broker lost the session.
        this.client = MqttClients.build(
                options.connection(), clientId, options.reconnectBackoff(), state, () -> closing, this::subscribe);
    }

    /** Starts connecting; failures are logged and retried in the background, never thrown. */
    void open() {
        MqttSubscriptions.sessionOpened(clientId, state);
        // The flow must exist before connect(): a resumed session delivers at once. A flow of our own
        // (not the callback API) can be disposed on close, which lets the client release its event
        // loop; the callback API's flow lives as long as the client-side session (7 days).
        publishes = client.toRx().publishes(MqttGlobalPublishFilter.ALL, true)
                .observeOn(Schedulers.from(callbackThread), true, COMMIT_BATCH)
                .subscribe(this::onPublish, error -> LOG.warn("MQTT session '{}': the client ended its flow of messages: {}",
                        clientId, error.toString()));
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
                state.markSubscriptionRefused("MQTT broker " + options.connection().brokerUri() + " (client '" + clientId
                        + "'): could not subscribe to " + options.topicFilters().keySet() + ": " + failure.getMessage());
            } else if (subAck.getReasonCodes().stream().anyMatch(code -> code.isError())) {
                LOG.error("MQTT broker {} refused subscription of session '{}' to {}: {}",
                        options.connection().brokerUri(), clientId, options.topicFilters().keySet(), subAck.getReasonCodes());
                state.markSubscriptionRefused("MQTT broker " + options.connection().brokerUri() + " refused the subscription of '"
                        + clientId + "' to " + options.topicFilters().keySet() + ": " + subAck.getReasonCodes()
                        + " (check the account's ACL)");
            } else {
                state.markSubscribed();
                LOG.info("MQTT session '{}' subscribed to {}", clientId, options.topicFilters().keySet());
            }
        });
    }

    /** On the callback thread: spool the message, or acknowledge it at once when another session keeps it. */
    private void onPublish(Mqtt5Publish publish) {
        if (closing) {
            return; // not acknowledged: the broker redelivers it to the next run
        }
        String topic = publish.getTopic().toString();
        if (options.subscriptionMode() == MqttSubscriptionMode.PARTITIONED && !split.owns(topic)) {
            skipped.incrementAndGet();
            uncommitted.add(publish); // acknowledged in order with the others
        } else {
            try {
                spool.append(toMessage(publish));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (IOException e) {
                failed(e);
                return;
            }
            received.incrementAndGet();
            uncommitted.add(publish);
        }
        if (uncommitted.size() >= commitBatch) {
            commit();
        } else if (scheduledCommit == null) {
            scheduledCommit = callbackThread.schedule(this::commit, COMMIT_DELAY_MICROS, TimeUnit.MICROSECONDS);
        }
    }

    private void commit() {
        if (scheduledCommit != null) {
            scheduledCommit.cancel(false);
            scheduledCommit = null;
        }
        if (uncommitted.isEmpty() || closing) {
            return;
        }
        try {
            spool.commit();
        } catch (IOException e) {
            failed(e);
            return;
        }
        for (Mqtt5Publish publish : uncommitted) {
            try {
                publish.acknowledge();
                acknowledged.incrementAndGet();
            } catch (RuntimeException staleConnection) {
                // From a connection that has since dropped: the broker redelivers it, and the copy is spooled again.
            }
        }
        uncommitted.clear();
        onCommit.run();
    }

    /**
     * Nothing after an unwritten message may be acknowledged (the client acknowledges in order), so
     * this session stops taking messages; {@link #checkFailure} hands the error to the task.
     */
    private void failed(IOException e) {
        if (failure == null) {
            failure = new IOException("MQTT session '" + clientId + "' cannot write its spool "
                    + spool + ": " + e.getMessage() + "; nothing unwritten was acknowledged", e);
            LOG.error(failure.getMessage());
        }
        closing = true; // takes no more messages: the broker keeps them for the next attempt
    }

    /** Throws the spool failure, if any, on the task thread. */
    void checkFailure() throws IOException {
        if (failure != null) {
            throw failure;
        }
    }

    private static MqttMessage toMessage(Mqtt5Publish publish) {
        Map<String, String> properties = Map.of();
        List<? extends Mqtt5UserProperty> userProperties = publish.getUserProperties().asList();
        if (!userProperties.isEmpty()) {
            properties = new LinkedHashMap<>();
            for (Mqtt5UserProperty property : userProperties) {
                properties.put(property.getName().toString(), property.getValue().toString());
            }
        }
        return new MqttMessage(
                publish.getTopic().toString(),
                publish.getPayloadAsBytes(),
                publish.getQos().getCode(),
                publish.isRetain(),
                publish.getContentType().map(Object::toString).orElse(null),
                properties);
    }

    SessionSpool spool() {
        return spool;
    }

    ConnectionState state() {
        return state;
    }

    MqttSessionSplit split() {
        return split;
    }

    long received() {
        return received.get();
    }

    long acknowledged() {
        return acknowledged.get();
    }

    long skipped() {
        return skipped.get();
    }

    /** Received but not yet committed and acknowledged. */
    long pendingAcknowledgements() {
        return received.get() + skipped.get() - acknowledged.get();
    }

    /** Disconnects without acknowledging what is not committed: the broker keeps it for the session. */
    @Override
    public void close() {
        closing = true; // from here nothing is spooled or acknowledged
        MqttSubscriptions.sessionClosed(clientId, state);
        // Disconnect first: messages still on their way reach onPublish, which takes none of them,
        // rather than a stopped executor. The flow goes last: a message with no flow to take it
        // would be acknowledged by the client, unseen.
        try {
            client.disconnect().get(5, TimeUnit.SECONDS);
        } catch (Exception e) {
            LOG.debug("MQTT session '{}' did not disconnect cleanly: {}", clientId, e.toString());
        }
        callbackThread.shutdownNow();
        if (publishes != null) {
            publishes.dispose();
        }
        try {
            if (!callbackThread.awaitTermination(10, TimeUnit.SECONDS)) {
                LOG.warn("MQTT session '{}': its callback thread did not stop within 10 s", clientId);
            }
            spool.close();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            LOG.warn("MQTT session '{}' did not close its spool cleanly: {}", clientId, e.toString());
        }
    }
}

package io.pulse.connectors.mqtt.source.reader;

import io.pulse.connectors.mqtt.MqttMessage;
import io.pulse.connectors.mqtt.client.ConnectionFailure;
import io.pulse.connectors.mqtt.client.ConnectionState;
import io.pulse.connectors.mqtt.client.MqttClients;
import io.pulse.connectors.mqtt.source.MqttSourceOptions;
import io.pulse.connectors.mqtt.source.MqttSubscriptionMode;
import io.pulse.connectors.mqtt.source.MqttSubscriptions;
import io.pulse.connectors.mqtt.source.spool.SessionSpool;
import io.pulse.connectors.mqtt.source.split.MqttSessionSplit;
import io.pulse.connectors.mqtt.wire.ReasonCodes;
import io.pulse.connectors.mqtt.wire.SubscriberConnection;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

/**
 * One persistent MQTT session of a reader: a connection with a stable client id, {@code
 * cleanStart=false}, writing what it receives to its {@link SessionSpool} and acknowledging it to
 * the broker only after the spool committed it, a few milliseconds after it arrived, so the
 * broker's in-flight window never fills because a checkpoint is far away.
 *
 * <p>Why not acknowledge when the checkpoint completes: Mosquitto before 2.0.13 (Debian 12 ships
 * 2.0.11) moves up to a whole window of queued messages into flight on every PUBACK at the head of
 * the window. With acknowledgements held for a checkpoint interval, a queue builds, and the first
 * PUBACKs make the broker exceed the client's Receive Maximum: the client disconnects
 * (RECEIVE_MAXIMUM_EXCEEDED) and everything in flight is redelivered, again and again.
 *
 * <p>Why its own {@link SubscriberConnection} and not the HiveMQ client the sinks use: with manual
 * acknowledgement that client (1.4) hands every message to another thread and every acknowledgement
 * back to its event loop, one task and one socket write each, and walks its queue of unacknowledged
 * messages on each arrival; under load that was half of a job's CPU. Here one thread reads, spools
 * and commits, and a commit's acknowledgements go out in one write.
 */
final class MqttSession implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(MqttSession.class);
    private static final long COMMIT_DELAY_MICROS = 5_000;
    /** Messages committed and acknowledged together: a commit (one write, one force to disk) costs well under a millisecond. */
    static final int COMMIT_BATCH = 256;
    static final int KEEP_ALIVE_SECONDS = 30;
    /**
     * A broker that accepts TCP but never answers CONNECT fails an attempt after this long; a
     * connection that cannot even be opened likewise.
     */
    static final int CONNECT_TIMEOUT_MILLIS = 10_000;

    private final MqttSourceOptions options;
    private final MqttSessionSplit split;
    private final String clientId;
    private final SessionSpool spool;
    private final Runnable onCommit;
    private final ConnectionState state = new ConnectionState();
    private final ScheduledThreadPoolExecutor timer;
    private final Thread connectionThread;
    private final int commitBatch;
    /** Guards the spool's appends and commits and the acknowledgements they wait for. */
    private final Object lock = new Object();
    /** Per message not yet committed, if it needs an acknowledgement: connection number, QoS and packet id. */
    private long[] unacknowledged = new long[64];
    private int unacknowledgedCount;
    private int uncommitted;
    /** QoS 2 messages committed and answered with PUBREC, until the broker's PUBREL: a redelivery is not spooled again. */
    private final Set<Integer> awaitingRelease = new HashSet<>();
    private int connectionNumber;
    private volatile SubscriberConnection connection;
    private final AtomicLong received = new AtomicLong();
    private final AtomicLong acknowledged = new AtomicLong();
    private final AtomicLong skipped = new AtomicLong();
    private ScheduledFuture<?> scheduledCommit;
    /** When the timer last pinged (only the timer's keep-alive task reads and writes it, one run at a time). */
    private long lastPingNanos = System.nanoTime();
    private volatile boolean closing;
    /** The connection thread waits for spool space (a full spool): it reads nothing meanwhile, not even PINGRESP. */
    private volatile boolean appending;
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
        // Two threads: a delayed commit waits while the connection thread waits for spool space, and
        // the keep-alive must go on meanwhile, or the broker drops the connection.
        this.timer = new ScheduledThreadPoolExecutor(2, runnable -> daemon(runnable, "mqtt-source-" + clientId + "-timer"));
        this.timer.setRemoveOnCancelPolicy(true);
        this.connectionThread = daemon(this::connectAndRead, "mqtt-source-" + clientId);
    }

    private static Thread daemon(Runnable runnable, String name) {
        Thread thread = new Thread(runnable, name);
        thread.setDaemon(true);
        return thread;
    }

    /** Starts connecting; failures are logged and retried in the background, never thrown. */
    void open() {
        MqttSubscriptions.sessionOpened(clientId, state);
        connectionThread.start();
        timer.scheduleWithFixedDelay(this::keepAlive, 1, 1, TimeUnit.SECONDS);
    }

    /** The connection thread: connect, subscribe (on every connection: the broker may have lost the session), read; again after a failure. */
    private void connectAndRead() {
        int attempt = 0;
        while (!closing) {
            SubscriberConnection c = null;
            try {
                c = SubscriberConnection.open(options.connection(), clientId, false, KEEP_ALIVE_SECONDS,
                        options.sessionExpiry().toSeconds(), options.receiveMaximum(), CONNECT_TIMEOUT_MILLIS);
                synchronized (lock) {
                    connectionNumber++;
                    connection = c;
                    if (!c.sessionPresent()) {
                        awaitingRelease.clear(); // a new session: its packet ids mean new messages
                    }
                }
                if (state.lastFailure() != null) {
                    LOG.info("MQTT broker {} (client '{}') connected again", options.connection().brokerUri(), clientId);
                }
                state.markConnected();
                attempt = 0;
                LOG.info("MQTT session '{}' connected to {} (session present: {})",
                        clientId, options.connection().brokerUri(), c.sessionPresent());
                if (closing) {
                    break;
                }
                c.subscribe(subscriptions());
                c.read(new Listener(c));
            } catch (InterruptedException e) {
                break;
            } catch (IOException | RuntimeException e) {
                if (closing) {
                    break;
                }
                long delay = options.reconnectBackoff().delayMillis(attempt);
                String failure = ConnectionFailure.describe(options.connection().brokerUri(), clientId, e);
                state.markFailed(failure);
                MqttClients.logFailure(failure, clientId, attempt, delay);
                attempt++;
                if (!sleep(delay)) {
                    break;
                }
            } finally {
                connection = null;
                if (c != null) {
                    c.abort();
                }
            }
        }
    }

    private Map<String, Integer> subscriptions() {
        Map<String, Integer> filters = new LinkedHashMap<>();
        options.topicFilters().forEach((filter, qos) -> filters.put(options.subscriptionFilter(filter), qos));
        return filters;
    }

    private boolean sleep(long millis) {
        try {
            Thread.sleep(millis);
            return !closing;
        } catch (InterruptedException e) {
            return false;
        }
    }

    /**
     * On the timer, every second: a ping every half keep-alive (ours, or the one the broker set in its
     * CONNACK), and a connection whose broker fell silent is dropped (and reconnected).
     */
    private void keepAlive() {
        SubscriberConnection c = connection;
        if (c == null || closing) {
            return;
        }
        long now = System.nanoTime();
        if (!appending && c.isSilent(now)) {
            LOG.warn("MQTT session '{}': the broker {} did not answer for {} s; reconnecting",
                    clientId, options.connection().brokerUri(), c.keepAliveSeconds() * 3 / 2);
            c.abort();
            return;
        }
        int keepAlive = c.keepAliveSeconds() > 0 ? c.keepAliveSeconds() : KEEP_ALIVE_SECONDS;
        if (now - lastPingNanos < TimeUnit.SECONDS.toNanos(Math.max(1, keepAlive / 2))) {
            return;
        }
        lastPingNanos = now;
        try {
            c.ping();
        } catch (IOException e) {
            c.abort(); // the reading thread sees the failure and reconnects
        }
    }

    /** What the connection thread hands over, for one connection. */
    private final class Listener implements SubscriberConnection.Listener {

        private final SubscriberConnection c;

        Listener(SubscriberConnection c) {
            this.c = c;
        }

        @Override
        public void onPublish(String topic, byte[] payload, int qos, boolean retain, int packetId, String contentType,
                              Map<String, String> userProperties) throws IOException, InterruptedException {
            if (closing) {
                return; // not acknowledged: the broker redelivers it to the next run
            }
            synchronized (lock) {
                if (qos == 2 && awaitingRelease.contains(packetId)) {
                    c.acknowledge(2, packetId); // spooled already: its PUBREC was lost with a connection
                    c.flush();
                    return;
                }
                if (options.subscriptionMode() == MqttSubscriptionMode.PARTITIONED && !split.owns(topic)) {
                    skipped.incrementAndGet(); // acknowledged in order with the others
                } else {
                    appending = true;
                    try {
                        spool.append(new MqttMessage(topic, payload, qos, retain, contentType, userProperties));
                    } catch (IOException e) {
                        failed(e);
                        return;
                    } finally {
                        appending = false;
                        c.markAlive(); // a wait for spool space is ours, not the broker's silence
                    }
                    received.incrementAndGet();
                }
                if (qos > 0) {
                    awaitAcknowledgement(qos, packetId);
                }
                uncommitted++;
                if (uncommitted >= commitBatch) {
                    commit();
                } else if (scheduledCommit == null) {
                    scheduledCommit = timer.schedule(MqttSession.this::commitLater, COMMIT_DELAY_MICROS, TimeUnit.MICROSECONDS);
                }
            }
        }

        @Override
        public void onSubscribed(List<Integer> reasonCodes) {
            if (reasonCodes.stream().anyMatch(code -> code >= 0x80)) {
                String codes = reasonCodes.stream().map(ReasonCodes::describe).collect(Collectors.joining(", ", "[", "]"));
                LOG.error("MQTT broker {} refused subscription of session '{}' to {}: {}",
                        options.connection().brokerUri(), clientId, options.topicFilters().keySet(), codes);
                state.markSubscriptionRefused("MQTT broker " + options.connection().brokerUri() + " refused the subscription of '"
                        + clientId + "' to " + options.topicFilters().keySet() + ": " + codes + " (check the account's ACL)");
            } else {
                state.markSubscribed();
                LOG.info("MQTT session '{}' subscribed to {}", clientId, options.topicFilters().keySet());
            }
        }

        @Override
        public void onReleased(int packetId) {
            synchronized (lock) {
                awaitingRelease.remove(packetId);
            }
        }
    }

    private void awaitAcknowledgement(int qos, int packetId) {
        if (unacknowledgedCount == unacknowledged.length) {
            unacknowledged = Arrays.copyOf(unacknowledged, unacknowledgedCount * 2);
        }
        unacknowledged[unacknowledgedCount++] = ((long) connectionNumber << 32) | ((long) qos << 16) | packetId;
    }

    private void commitLater() {
        synchronized (lock) {
            scheduledCommit = null;
            commit();
        }
    }

    /**
     * Under {@link #lock}: forces the spool to disk, then acknowledges what it holds, in one write.
     * Messages of an earlier connection are not acknowledged (their packet ids may mean other
     * messages now): the broker redelivers them, and the copy is spooled again.
     */
    private void commit() {
        if (scheduledCommit != null) {
            scheduledCommit.cancel(false);
            scheduledCommit = null;
        }
        if (uncommitted == 0 || closing) {
            return;
        }
        try {
            spool.commit();
        } catch (IOException e) {
            failed(e);
            return;
        }
        SubscriberConnection c = connection;
        if (c != null && unacknowledgedCount > 0) {
            try {
                for (int i = 0; i < unacknowledgedCount; i++) {
                    long entry = unacknowledged[i];
                    if ((int) (entry >>> 32) == connectionNumber) {
                        int qos = (int) (entry >>> 16) & 3;
                        int packetId = (int) entry & 0xFFFF;
                        c.acknowledge(qos, packetId);
                        if (qos == 2) {
                            awaitingRelease.add(packetId);
                        }
                    }
                }
                c.flush();
            } catch (IOException e) {
                c.abort(); // the reading thread sees the failure and reconnects
            }
        }
        acknowledged.addAndGet(uncommitted);
        uncommitted = 0;
        unacknowledgedCount = 0;
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
        SubscriberConnection c = connection;
        if (c != null) {
            c.close(); // DISCONNECT: the broker keeps what is not acknowledged for the session
        }
        connectionThread.interrupt(); // e.g. waiting for spool space, or between reconnect attempts
        timer.shutdownNow();
        try {
            connectionThread.join(10_000);
            if (connectionThread.isAlive()) {
                LOG.warn("MQTT session '{}': its connection thread did not stop within 10 s", clientId);
            }
            if (!timer.awaitTermination(10, TimeUnit.SECONDS)) {
                LOG.warn("MQTT session '{}': its timer did not stop within 10 s", clientId);
            }
            spool.close();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            LOG.warn("MQTT session '{}' did not close its spool cleanly: {}", clientId, e.toString());
        }
    }
}

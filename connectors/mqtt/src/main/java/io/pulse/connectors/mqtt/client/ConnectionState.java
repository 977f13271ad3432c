package io.pulse.connectors.mqtt.client;

import java.util.concurrent.atomic.AtomicLong;

/**
 * What a client's listeners observed, readable from any thread: whether it is connected and subscribed, how
 * often it had to reconnect and the last failure in words. Metrics and tests read it.
 */
public final class ConnectionState {

    private volatile boolean connected;
    private volatile boolean subscribed;
    private volatile String lastFailure;
    private final AtomicLong reconnects = new AtomicLong();

    public void markConnected() {
        connected = true;
    }

    /** The broker confirmed every subscription of this connection. */
    public void markSubscribed() {
        subscribed = true;
    }

    public void markFailed(String failure) {
        connected = false;
        subscribed = false;
        lastFailure = failure;
        reconnects.incrementAndGet();
    }

    /** Connected, but the broker refused a subscription (e.g. its ACL): the reason, for who waits for it. */
    public void markSubscriptionRefused(String failure) {
        subscribed = false;
        lastFailure = failure;
    }

    public boolean connected() {
        return connected;
    }

    /** Connected and subscribed: messages published now reach this client (or its session). */
    public boolean subscribed() {
        return connected && subscribed;
    }

    /** The last connection failure as logged, or null if there was none. */
    public String lastFailure() {
        return lastFailure;
    }

    public long reconnects() {
        return reconnects.get();
    }
}

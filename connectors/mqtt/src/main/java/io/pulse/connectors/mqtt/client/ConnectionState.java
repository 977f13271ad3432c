package io.pulse.connectors.mqtt.client;

import java.util.concurrent.atomic.AtomicLong;

/**
 * What a client's listeners observed, readable from any thread: whether it is connected, how
 * often it had to reconnect and the last failure in words. Metrics and tests read it.
 */
public final class ConnectionState {

    private volatile boolean connected;
    private volatile String lastFailure;
    private final AtomicLong reconnects = new AtomicLong();

    void markConnected() {
        connected = true;
    }

    void markFailed(String failure) {
        connected = false;
        lastFailure = failure;
        reconnects.incrementAndGet();
    }

    public boolean connected() {
        return connected;
    }

    /** The last connection failure as logged, or null if there was none. */
    public String lastFailure() {
        return lastFailure;
    }

    public long reconnects() {
        return reconnects.get();
    }
}

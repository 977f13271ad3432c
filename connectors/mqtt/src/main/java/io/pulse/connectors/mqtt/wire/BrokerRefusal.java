package io.pulse.connectors.mqtt.wire;

import java.io.IOException;

/**
 * The broker said no with a reason code: it refused the connection (CONNACK) or ended the session
 * (DISCONNECT). {@link #getMessage()} is the operator's line, e.g.
 * {@code refused the connection: NOT_AUTHORIZED (0x87) - <the broker's reason string>}.
 */
public final class BrokerRefusal extends IOException {

    private static final long serialVersionUID = 1L;

    private final int reasonCode;
    private final boolean refusedConnection;

    private BrokerRefusal(String what, int reasonCode, String reasonString, boolean refusedConnection) {
        super(what + ": " + ReasonCodes.describe(reasonCode) + (reasonString == null ? "" : " - " + reasonString));
        this.reasonCode = reasonCode;
        this.refusedConnection = refusedConnection;
    }

    /** The broker's CONNACK with an error code. */
    static BrokerRefusal connection(int reasonCode, String reasonString) {
        return new BrokerRefusal("refused the connection", reasonCode, reasonString, true);
    }

    /** The broker's DISCONNECT of an established session. */
    static BrokerRefusal session(int reasonCode, String reasonString) {
        return new BrokerRefusal("closed the session", reasonCode, reasonString, false);
    }

    public int reasonCode() {
        return reasonCode;
    }

    /** A CONNACK refusal, not the end of an established session. */
    public boolean refusedConnection() {
        return refusedConnection;
    }
}

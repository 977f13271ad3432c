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

    BrokerRefusal(String what, int reasonCode, String reasonString) {
        super(what + ": " + ReasonCodes.describe(reasonCode) + (reasonString == null ? "" : " - " + reasonString));
        this.reasonCode = reasonCode;
    }

    public int reasonCode() {
        return reasonCode;
    }

    /** A CONNACK refusal, not the end of an established session. */
    public boolean refusedConnection() {
        return getMessage().startsWith("refused the connection");
    }
}

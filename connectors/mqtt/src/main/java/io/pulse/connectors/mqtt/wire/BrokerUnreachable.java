package io.pulse.connectors.mqtt.wire;

import java.io.IOException;

/** No MQTT connection came about: the TCP or TLS connection, or the broker's CONNACK, failed or timed out. */
public final class BrokerUnreachable extends IOException {

    private static final long serialVersionUID = 1L;

    BrokerUnreachable(IOException cause) {
        super(cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage(), cause);
    }
}

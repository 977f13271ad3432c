package io.pulse.connectors.mqtt.client;

import io.pulse.connectors.mqtt.wire.BrokerRefusal;
import io.pulse.connectors.mqtt.wire.BrokerUnreachable;

import com.hivemq.client.mqtt.exceptions.ConnectionClosedException;
import com.hivemq.client.mqtt.exceptions.ConnectionFailedException;
import com.hivemq.client.mqtt.mqtt5.exceptions.Mqtt5ConnAckException;
import com.hivemq.client.mqtt.mqtt5.exceptions.Mqtt5DisconnectException;
import com.hivemq.client.mqtt.mqtt5.message.connect.connack.Mqtt5ConnAck;
import com.hivemq.client.mqtt.mqtt5.message.disconnect.Mqtt5Disconnect;

import java.io.IOException;

/**
 * One line that tells an operator what went wrong with a connection: which broker, which client,
 * and the MQTT reason code when the broker gave one (e.g. {@code BAD_USER_NAME_OR_PASSWORD (0x86)}).
 */
public final class ConnectionFailure {

    private ConnectionFailure() {}

    public static String describe(String brokerUri, String clientId, Throwable cause) {
        String who = "MQTT broker " + brokerUri + " (client '" + clientId + "')";
        if (cause instanceof Mqtt5ConnAckException connAckFailure) {
            Mqtt5ConnAck connAck = connAckFailure.getMqttMessage();
            return who + " refused the connection: " + connAck.getReasonCode()
                    + " (" + hex(connAck.getReasonCode().getCode()) + ")"
                    + connAck.getReasonString().map(s -> " - " + s).orElse("")
                    + hint(connAck.getReasonCode().getCode());
        }
        if (cause instanceof Mqtt5DisconnectException disconnectFailure) {
            Mqtt5Disconnect disconnect = disconnectFailure.getMqttMessage();
            return who + " closed the session: " + disconnect.getReasonCode()
                    + " (" + hex(disconnect.getReasonCode().getCode()) + ")"
                    + disconnect.getReasonString().map(s -> " - " + s).orElse("");
        }
        if (cause instanceof BrokerRefusal refusal) {
            return who + " " + refusal.getMessage() + (refusal.refusedConnection() ? hint(refusal.reasonCode()) : "");
        }
        if (cause instanceof ConnectionFailedException || cause instanceof BrokerUnreachable) {
            return who + " is unreachable: " + rootMessage(cause);
        }
        if (cause instanceof ConnectionClosedException) {
            return who + " closed the connection: " + rootMessage(cause);
        }
        if (cause instanceof IOException) {
            return who + " closed the connection: " + rootMessage(cause);
        }
        return who + " connection failed: " + rootMessage(cause);
    }

    private static String hint(int reasonCode) {
        return switch (reasonCode) {
            case 0x86, 0x87 -> "; check mqtt.username and mqtt.password";
            case 0x85 -> "; the client id is not accepted, check the client-id prefix";
            default -> "";
        };
    }

    private static String hex(int code) {
        return String.format("0x%02X", code);
    }

    private static String rootMessage(Throwable t) {
        Throwable root = t;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage();
        return message == null ? root.getClass().getSimpleName() : message;
    }
}

package io.pulse.connectors.mqtt.source.split;

import org.apache.flink.api.connector.source.SourceSplit;

/**
 * A split is one persistent MQTT session. Session {@code i} always uses the client id
 * {@code <prefix>-i}, so whichever reader owns it after a restart or a rescale resumes the same
 * broker-side session and receives what that session had queued or in flight. MQTT has no
 * offsets: the broker's session is the position.
 */
public record MqttSessionSplit(int sessionIndex) implements SourceSplit {

    public MqttSessionSplit {
        if (sessionIndex < 0) {
            throw new IllegalArgumentException("session index must be >= 0, got " + sessionIndex);
        }
    }

    public String clientId(String clientIdPrefix) {
        return clientIdPrefix + "-" + sessionIndex;
    }

    @Override
    public String splitId() {
        return "session-" + sessionIndex;
    }
}

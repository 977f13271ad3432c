package io.pulse.connectors.mqtt.source.split;

import io.pulse.connectors.mqtt.source.spool.SpoolPosition;

import org.apache.flink.api.connector.source.SourceSplit;

/**
 * A split is one persistent MQTT session. Session {@code i} always uses the client id
 * {@code <prefix>-i}, so whichever reader owns it after a restart or a rescale resumes the same
 * broker-side session and the same spool. {@code sessionCount} is how many sessions divided the
 * topics when this one was created; {@code position} is where in the session's spool the reader
 * continues (null: from the oldest record the spool holds).
 */
public record MqttSessionSplit(int sessionIndex, int sessionCount, SpoolPosition position) implements SourceSplit {

    public MqttSessionSplit {
        if (sessionIndex < 0 || sessionCount < 1 || sessionIndex >= sessionCount) {
            throw new IllegalArgumentException("session " + sessionIndex + " of " + sessionCount + " is not a valid session");
        }
    }

    public MqttSessionSplit(int sessionIndex, int sessionCount) {
        this(sessionIndex, sessionCount, null);
    }

    public String clientId(String clientIdPrefix) {
        return clientIdPrefix + "-" + sessionIndex;
    }

    public MqttSessionSplit at(SpoolPosition newPosition) {
        return new MqttSessionSplit(sessionIndex, sessionCount, newPosition);
    }

    /** Whether this session keeps a message on {@code topic} when sessions divide the topics. */
    public boolean owns(String topic) {
        return Math.floorMod(topic.hashCode(), sessionCount) == sessionIndex;
    }

    @Override
    public String splitId() {
        return "session-" + sessionIndex;
    }
}

package io.pulse.connectors.mqtt.source;

/** How the source's sessions divide the messages of its topic filters between them. */
public enum MqttSubscriptionMode {
    /**
     * Every session subscribes with a plain filter and keeps the messages whose topic hashes to it
     * (a topic always goes to the same session); it acknowledges the others at once. Plain
     * subscriptions are part of a persistent session, so a broker that restarts with persistence
     * keeps queueing for them. The default.
     */
    PARTITIONED,
    /**
     * {@code $share/<group>/<filter>}: the broker splits the load. Mosquitto 2.0 does not restore
     * shared subscriptions after a restart, and drops what is published before the session
     * subscribes again; use this only with a broker that keeps them.
     */
    SHARED,
    /** Every session keeps every message, e.g. a retained configuration topic every reader needs. */
    BROADCAST
}

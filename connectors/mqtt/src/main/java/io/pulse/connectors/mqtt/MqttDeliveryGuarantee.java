package io.pulse.connectors.mqtt;

/** When the source acknowledges a message to the broker. */
public enum MqttDeliveryGuarantee {
    /**
     * After the checkpoint that contains the message's effects completes. On failure the broker
     * redelivers every unacknowledged message to the same persistent session: nothing is lost,
     * duplicates are possible and must be removed downstream by identity.
     */
    AT_LEAST_ONCE,
    /** As soon as the record is emitted: no duplicates, but a failure loses what was in flight. */
    AT_MOST_ONCE
}

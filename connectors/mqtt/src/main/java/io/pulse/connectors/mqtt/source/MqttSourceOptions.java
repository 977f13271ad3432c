package io.pulse.connectors.mqtt.source;

import io.pulse.connectors.mqtt.MqttConnectionOptions;
import io.pulse.connectors.mqtt.MqttDeliveryGuarantee;
import io.pulse.connectors.mqtt.client.ReconnectBackoff;

import java.io.Serializable;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/** Everything a reader needs to open its sessions; built and checked by {@link MqttSourceBuilder}. */
public record MqttSourceOptions(
        MqttConnectionOptions connection,
        Map<String, Integer> topicFilters,
        String clientIdPrefix,
        String sharedGroup,
        Duration sessionExpiry,
        int receiveMaximum,
        MqttDeliveryGuarantee deliveryGuarantee,
        ReconnectBackoff reconnectBackoff)
        implements Serializable {

    public MqttSourceOptions {
        topicFilters = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(topicFilters));
    }

    /** The filter as subscribed: {@code $share/<group>/<filter>} when readers share the load. */
    public String subscriptionFilter(String topicFilter) {
        return sharedGroup == null ? topicFilter : "$share/" + sharedGroup + "/" + topicFilter;
    }
}

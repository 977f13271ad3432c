package io.pulse.connectors.mqtt.source;

import io.pulse.connectors.mqtt.MqttConnectionOptions;
import io.pulse.connectors.mqtt.client.ReconnectBackoff;
import io.pulse.connectors.mqtt.source.spool.SpoolSettings;

import java.io.Serializable;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/** Everything a reader needs to open its sessions; built and checked by {@link MqttSourceBuilder}. */
public record MqttSourceOptions(
        MqttConnectionOptions connection,
        Map<String, Integer> topicFilters,
        String clientIdPrefix,
        MqttSubscriptionMode subscriptionMode,
        String sharedGroup,
        Duration sessionExpiry,
        int receiveMaximum,
        String spoolDirectory,
        SpoolSettings spoolSettings,
        ReconnectBackoff reconnectBackoff)
        implements Serializable {

    public MqttSourceOptions {
        topicFilters = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(topicFilters));
    }

    /** The filter as subscribed: {@code $share/<group>/<filter>} in {@link MqttSubscriptionMode#SHARED}. */
    public String subscriptionFilter(String topicFilter) {
        return subscriptionMode == MqttSubscriptionMode.SHARED ? "$share/" + sharedGroup + "/" + topicFilter : topicFilter;
    }

    /** The spool folder of one session: {@code <spool directory>/<client id>}. */
    public Path spoolFolder(String clientId) {
        String base = spoolDirectory != null ? spoolDirectory
                : Path.of(System.getProperty("java.io.tmpdir"), "pulse-mqtt-spool").toString();
        return Path.of(base, clientId);
    }
}

package io.pulse.connectors.mqtt.source;

import io.pulse.connectors.mqtt.MqttConnectionOptions;
import io.pulse.connectors.mqtt.MqttDeadLetterMapper;
import io.pulse.connectors.mqtt.MqttDeliveryGuarantee;
import io.pulse.connectors.mqtt.MqttDeserializer;
import io.pulse.connectors.mqtt.client.ReconnectBackoff;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Options of {@link MqttSource}, with defaults:
 * <ul>
 *   <li>{@code brokerUri} (required): {@code tcp://host:port} or {@code ssl://host:port}.</li>
 *   <li>{@code topic(filter[, qos])} (at least one): MQTT topic filters, QoS 1 unless given.</li>
 *   <li>{@code clientIdPrefix} (required): reader session {@code i} connects as {@code prefix-i};
 *       keep it stable across restarts so the job resumes its broker sessions.</li>
 *   <li>{@code sharedGroup}: readers share the load via {@code $share/<group>/<filter>};
 *       defaults to the client-id prefix. {@link #noSharedSubscription()} makes every reader
 *       receive every message (needed for retained messages, which MQTT never sends to shared
 *       subscriptions).</li>
 *   <li>{@code credentials(username, password)}, {@code trustStore(path, password)}: optional.</li>
 *   <li>{@code sessionExpiry}: how long the broker keeps a session (and queues for it) while the
 *       job is down; default 7 days.</li>
 *   <li>{@code receiveMaximum}: unacknowledged messages the broker may send a session; with
 *       acknowledgement after checkpoint it bounds what one session takes in per checkpoint
 *       interval. Default 65,535, the MQTT maximum. Lower values work, but when a session's
 *       window is full and a checkpoint acknowledges it all at once, the HiveMQ client (1.4.2)
 *       can count the broker's refill before the acknowledgements and disconnect with
 *       RECEIVE_MAXIMUM_EXCEEDED; the session then reconnects and the broker redelivers: no
 *       loss, but duplicates and a pause.</li>
 *   <li>{@code deliveryGuarantee}: {@link MqttDeliveryGuarantee#AT_LEAST_ONCE} (default) or
 *       {@link MqttDeliveryGuarantee#AT_MOST_ONCE}.</li>
 *   <li>{@code deserializer} (required), {@code deadLetters(mapper)} (optional).</li>
 *   <li>{@code reconnectBackoff}: first and longest wait between reconnects; default 0.5 s .. 30 s.</li>
 * </ul>
 */
public final class MqttSourceBuilder<T> {

    private String brokerUri;
    private String username;
    private String password;
    private String trustStorePath;
    private String trustStorePassword;
    private final Map<String, Integer> topics = new LinkedHashMap<>();
    private String clientIdPrefix;
    private String sharedGroup;
    private boolean shared = true;
    private Duration sessionExpiry = Duration.ofDays(7);
    private int receiveMaximum = 65_535;
    private MqttDeliveryGuarantee deliveryGuarantee = MqttDeliveryGuarantee.AT_LEAST_ONCE;
    private ReconnectBackoff reconnectBackoff = ReconnectBackoff.DEFAULT;
    private MqttDeserializer<T> deserializer;
    private MqttDeadLetterMapper<T> deadLetterMapper;

    MqttSourceBuilder() {}

    public MqttSourceBuilder<T> brokerUri(String brokerUri) {
        this.brokerUri = brokerUri;
        return this;
    }

    public MqttSourceBuilder<T> credentials(String username, String password) {
        this.username = username;
        this.password = password;
        return this;
    }

    public MqttSourceBuilder<T> trustStore(String path, String storePassword) {
        this.trustStorePath = path;
        this.trustStorePassword = storePassword;
        return this;
    }

    public MqttSourceBuilder<T> topic(String filter) {
        return topic(filter, 1);
    }

    public MqttSourceBuilder<T> topic(String filter, int qos) {
        if (filter == null || filter.isBlank() || filter.startsWith("$share/")) {
            throw new IllegalArgumentException("MQTT topic filter must be a plain filter (no $share/ prefix: use sharedGroup), got '" + filter + "'");
        }
        if (qos < 0 || qos > 2) {
            throw new IllegalArgumentException("MQTT QoS must be 0, 1 or 2, got " + qos + " for '" + filter + "'");
        }
        topics.put(filter, qos);
        return this;
    }

    public MqttSourceBuilder<T> clientIdPrefix(String clientIdPrefix) {
        this.clientIdPrefix = clientIdPrefix;
        return this;
    }

    public MqttSourceBuilder<T> sharedGroup(String group) {
        this.sharedGroup = group;
        this.shared = true;
        return this;
    }

    public MqttSourceBuilder<T> noSharedSubscription() {
        this.shared = false;
        return this;
    }

    public MqttSourceBuilder<T> sessionExpiry(Duration sessionExpiry) {
        this.sessionExpiry = sessionExpiry;
        return this;
    }

    public MqttSourceBuilder<T> receiveMaximum(int receiveMaximum) {
        this.receiveMaximum = receiveMaximum;
        return this;
    }

    public MqttSourceBuilder<T> deliveryGuarantee(MqttDeliveryGuarantee deliveryGuarantee) {
        this.deliveryGuarantee = deliveryGuarantee;
        return this;
    }

    public MqttSourceBuilder<T> reconnectBackoff(Duration initial, Duration max) {
        this.reconnectBackoff = new ReconnectBackoff(initial, max);
        return this;
    }

    public MqttSourceBuilder<T> deserializer(MqttDeserializer<T> deserializer) {
        this.deserializer = deserializer;
        return this;
    }

    public MqttSourceBuilder<T> deadLetters(MqttDeadLetterMapper<T> mapper) {
        this.deadLetterMapper = mapper;
        return this;
    }

    public MqttSource<T> build() {
        MqttConnectionOptions connection =
                MqttConnectionOptions.of(brokerUri, username, password, trustStorePath, trustStorePassword);
        MqttConnectionOptions.checkClientIdPrefix(clientIdPrefix);
        if (topics.isEmpty()) {
            throw new IllegalArgumentException("MQTT source needs at least one topic filter");
        }
        String group = shared ? (sharedGroup == null ? clientIdPrefix : sharedGroup) : null;
        if (group != null && (group.isBlank() || group.contains("/") || group.contains("+") || group.contains("#"))) {
            throw new IllegalArgumentException("MQTT shared group must not be empty or contain / + #, got '" + group + "'");
        }
        if (sessionExpiry == null || sessionExpiry.isNegative() || sessionExpiry.toSeconds() > 0xFFFFFFFFL) {
            throw new IllegalArgumentException("MQTT session expiry must be between 0 and 2^32-1 seconds, got " + sessionExpiry);
        }
        if (receiveMaximum < 1 || receiveMaximum > 65_535) {
            throw new IllegalArgumentException("MQTT receive maximum must be 1..65535, got " + receiveMaximum);
        }
        if (deliveryGuarantee == null) {
            throw new IllegalArgumentException("MQTT delivery guarantee must be AT_LEAST_ONCE or AT_MOST_ONCE");
        }
        if (deserializer == null) {
            throw new IllegalArgumentException("MQTT source needs a deserializer");
        }
        MqttSourceOptions options = new MqttSourceOptions(
                connection, topics, clientIdPrefix, group, sessionExpiry, receiveMaximum, deliveryGuarantee, reconnectBackoff);
        return new MqttSource<>(options, deserializer, deadLetterMapper);
    }
}

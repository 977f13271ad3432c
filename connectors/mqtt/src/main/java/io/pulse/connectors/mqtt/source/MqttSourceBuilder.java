package io.pulse.connectors.mqtt.source;

import io.pulse.connectors.mqtt.MqttConnectionOptions;
import io.pulse.connectors.mqtt.MqttDeadLetterMapper;
import io.pulse.connectors.mqtt.MqttDeserializer;
import io.pulse.connectors.mqtt.client.ReconnectBackoff;
import io.pulse.connectors.mqtt.source.spool.SpoolSettings;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Options of {@link MqttSource}, with defaults:
 * <ul>
 *   <li>{@code brokerUri} (required): {@code tcp://host:port} or {@code ssl://host:port}.</li>
 *   <li>{@code topic(filter[, qos])} (at least one): MQTT topic filters, QoS 1 unless given.</li>
 *   <li>{@code clientIdPrefix} (required): reader session {@code i} connects as {@code prefix-i};
 *       keep it stable across restarts so the job resumes its broker sessions and spools.</li>
 *   <li>How sessions divide the messages ({@link MqttSubscriptionMode}): by topic hash over plain
 *       subscriptions (default); {@link #sharedGroup} for an MQTT 5 shared subscription;
 *       {@link #broadcast()} for every session to keep everything.</li>
 *   <li>{@code credentials(username, password)}, {@code trustStore(path, password)}: optional.</li>
 *   <li>{@code sessionExpiry}: how long the broker keeps a session (and queues for it) while the
 *       job is down; default 7 days.</li>
 *   <li>{@code receiveMaximum}: unacknowledged messages the client accepts; default 65,535,
 *       which it does not announce, so the broker's own window applies (Mosquitto:
 *       {@code max_inflight_messages}). Keep it: on Mosquitto before 2.0.13 a smaller value
 *       turns any momentary backlog into a RECEIVE_MAXIMUM_EXCEEDED disconnect.</li>
 *   <li>{@code spoolDirectory}: where each session keeps its write-ahead spool (one folder per
 *       client id); default {@code <java.io.tmpdir>/pulse-mqtt-spool}. It must outlive the
 *       process: on a cluster, storage every TaskManager that may run the reader can reach.</li>
 *   <li>{@code spoolMaxBytes} (4 GiB per session), {@code spoolSync} (true: a commit is forced to
 *       disk; false: to the OS only, which survives a process crash but not a power loss).</li>
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
    private MqttSubscriptionMode subscriptionMode = MqttSubscriptionMode.PARTITIONED;
    private String sharedGroup;
    private Duration sessionExpiry = Duration.ofDays(7);
    private int receiveMaximum = 65_535;
    private String spoolDirectory;
    private SpoolSettings spool = SpoolSettings.DEFAULT;
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

    /** Sessions share the load through {@code $share/<group>/<filter>}; see {@link MqttSubscriptionMode#SHARED}. */
    public MqttSourceBuilder<T> sharedGroup(String group) {
        this.sharedGroup = group;
        this.subscriptionMode = MqttSubscriptionMode.SHARED;
        return this;
    }

    /** Every session keeps every message (retained configuration topics). */
    public MqttSourceBuilder<T> broadcast() {
        this.subscriptionMode = MqttSubscriptionMode.BROADCAST;
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

    public MqttSourceBuilder<T> spoolDirectory(String directory) {
        this.spoolDirectory = directory;
        return this;
    }

    public MqttSourceBuilder<T> spoolMaxBytes(long maxBytes) {
        this.spool = new SpoolSettings(maxBytes, Math.min(spool.segmentBytes(), maxBytes / 4), spool.sync());
        return this;
    }

    public MqttSourceBuilder<T> spoolSync(boolean sync) {
        this.spool = new SpoolSettings(spool.maxBytes(), spool.segmentBytes(), sync);
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
        String group = subscriptionMode == MqttSubscriptionMode.SHARED ? sharedGroup : null;
        if (group != null && (group.isBlank() || group.contains("/") || group.contains("+") || group.contains("#"))) {
            throw new IllegalArgumentException("MQTT shared group must not be empty or contain / + #, got '" + group + "'");
        }
        if (sessionExpiry == null || sessionExpiry.isNegative() || sessionExpiry.toSeconds() > 0xFFFFFFFFL) {
            throw new IllegalArgumentException("MQTT session expiry must be between 0 and 2^32-1 seconds, got " + sessionExpiry);
        }
        if (receiveMaximum < 1 || receiveMaximum > 65_535) {
            throw new IllegalArgumentException("MQTT receive maximum must be 1..65535, got " + receiveMaximum);
        }
        if (spoolDirectory != null && !java.nio.file.Path.of(spoolDirectory).isAbsolute()) {
            throw new IllegalArgumentException("MQTT spool directory must be an absolute path, got '" + spoolDirectory + "'");
        }
        if (deserializer == null) {
            throw new IllegalArgumentException("MQTT source needs a deserializer");
        }
        MqttSourceOptions options = new MqttSourceOptions(
                connection, topics, clientIdPrefix, subscriptionMode, group, sessionExpiry, receiveMaximum,
                spoolDirectory, spool, reconnectBackoff);
        return new MqttSource<>(options, deserializer, deadLetterMapper);
    }
}

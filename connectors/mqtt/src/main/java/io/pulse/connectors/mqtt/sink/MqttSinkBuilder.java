package io.pulse.connectors.mqtt.sink;

import io.pulse.connectors.mqtt.MqttConnectionOptions;
import io.pulse.connectors.mqtt.client.ReconnectBackoff;

import java.time.Duration;

/**
 * Options of {@link MqttSink}: {@code brokerUri} and {@code clientIdPrefix} (required; writer
 * {@code i} connects as {@code prefix-i}), {@code credentials}, {@code trustStore},
 * {@code serializer} (required), {@code maxInFlight} (unacknowledged publishes per writer before
 * {@code write} blocks, default 1,000) and {@code reconnectBackoff} (default 0.5 s .. 30 s).
 */
public final class MqttSinkBuilder<T> {

    private String brokerUri;
    private String username;
    private String password;
    private String trustStorePath;
    private String trustStorePassword;
    private String clientIdPrefix;
    private int maxInFlight = 1_000;
    private ReconnectBackoff reconnectBackoff = ReconnectBackoff.DEFAULT;
    private MqttRecordSerializer<T> serializer;

    MqttSinkBuilder() {}

    public MqttSinkBuilder<T> brokerUri(String brokerUri) {
        this.brokerUri = brokerUri;
        return this;
    }

    public MqttSinkBuilder<T> credentials(String username, String password) {
        this.username = username;
        this.password = password;
        return this;
    }

    public MqttSinkBuilder<T> trustStore(String path, String storePassword) {
        this.trustStorePath = path;
        this.trustStorePassword = storePassword;
        return this;
    }

    public MqttSinkBuilder<T> clientIdPrefix(String clientIdPrefix) {
        this.clientIdPrefix = clientIdPrefix;
        return this;
    }

    public MqttSinkBuilder<T> maxInFlight(int maxInFlight) {
        this.maxInFlight = maxInFlight;
        return this;
    }

    public MqttSinkBuilder<T> reconnectBackoff(Duration initial, Duration max) {
        this.reconnectBackoff = new ReconnectBackoff(initial, max);
        return this;
    }

    public MqttSinkBuilder<T> serializer(MqttRecordSerializer<T> serializer) {
        this.serializer = serializer;
        return this;
    }

    public MqttSink<T> build() {
        MqttConnectionOptions connection =
                MqttConnectionOptions.of(brokerUri, username, password, trustStorePath, trustStorePassword);
        MqttConnectionOptions.checkClientIdPrefix(clientIdPrefix);
        if (maxInFlight < 1) {
            throw new IllegalArgumentException("MQTT sink maxInFlight must be >= 1, got " + maxInFlight);
        }
        if (serializer == null) {
            throw new IllegalArgumentException("MQTT sink needs a serializer");
        }
        return new MqttSink<>(connection, clientIdPrefix, maxInFlight, reconnectBackoff, serializer);
    }
}

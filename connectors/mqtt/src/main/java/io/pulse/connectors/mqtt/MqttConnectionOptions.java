package io.pulse.connectors.mqtt;

import java.io.Serializable;
import java.net.URI;
import java.net.URISyntaxException;

/**
 * Where and how to connect: broker URI ({@code tcp://host:port} or {@code ssl://host:port}),
 * optional username/password and, for TLS with a private CA, a trust store. Shared by source and
 * sink. The password is kept out of {@link #toString()}.
 */
public final class MqttConnectionOptions implements Serializable {

    private static final long serialVersionUID = 1L;

    private final String brokerUri;
    private final String host;
    private final int port;
    private final boolean tls;
    private final String username;
    private final String password;
    private final String trustStorePath;
    private final String trustStorePassword;

    private MqttConnectionOptions(
            String brokerUri,
            String username,
            String password,
            String trustStorePath,
            String trustStorePassword) {
        URI uri = parse(brokerUri);
        this.brokerUri = brokerUri;
        this.tls = "ssl".equals(uri.getScheme());
        this.host = uri.getHost();
        this.port = uri.getPort() > 0 ? uri.getPort() : (tls ? 8883 : 1883);
        this.username = username;
        this.password = password;
        this.trustStorePath = trustStorePath;
        this.trustStorePassword = trustStorePassword;
    }

    public static MqttConnectionOptions of(String brokerUri) {
        return new MqttConnectionOptions(brokerUri, null, null, null, null);
    }

    /** All options at once, as builders collect them; null means "not set". */
    public static MqttConnectionOptions of(
            String brokerUri, String username, String password, String trustStorePath, String trustStorePassword) {
        return new MqttConnectionOptions(brokerUri, username, password, trustStorePath, trustStorePassword);
    }

    /** Client ids are {@code <prefix>-<index>}; the prefix must be safe for every broker. */
    public static String checkClientIdPrefix(String prefix) {
        if (prefix == null || !prefix.matches("[A-Za-z0-9_.-]{1,100}")) {
            throw new IllegalArgumentException(
                    "MQTT client-id prefix must be 1-100 characters of A-Z a-z 0-9 _ . -, got '" + prefix + "'");
        }
        return prefix;
    }

    private static URI parse(String brokerUri) {
        if (brokerUri == null || brokerUri.isBlank()) {
            throw new IllegalArgumentException("MQTT broker URI is missing (expected tcp://host:port or ssl://host:port)");
        }
        try {
            URI uri = new URI(brokerUri);
            if (!"tcp".equals(uri.getScheme()) && !"ssl".equals(uri.getScheme())) {
                throw new IllegalArgumentException(
                        "MQTT broker URI '" + brokerUri + "' must start with tcp:// or ssl://");
            }
            if (uri.getHost() == null) {
                throw new IllegalArgumentException("MQTT broker URI '" + brokerUri + "' has no host");
            }
            return uri;
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("MQTT broker URI '" + brokerUri + "' is malformed: " + e.getReason());
        }
    }

    public String brokerUri() {
        return brokerUri;
    }

    public String host() {
        return host;
    }

    public int port() {
        return port;
    }

    public boolean tls() {
        return tls;
    }

    public String username() {
        return username;
    }

    public String password() {
        return password;
    }

    public String trustStorePath() {
        return trustStorePath;
    }

    public String trustStorePassword() {
        return trustStorePassword;
    }

    @Override
    public String toString() {
        return brokerUri + (username == null ? "" : " as '" + username + "'");
    }
}

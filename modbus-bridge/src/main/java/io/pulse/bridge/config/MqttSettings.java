package io.pulse.bridge.config;

import java.net.URI;
import java.net.URISyntaxException;

/**
 * The broker ({@code tcp://host:port} or {@code ssl://host:port}) and optional credentials. A
 * password may stay out of the file: {@code PULSE_BRIDGE_MQTT_PASSWORD} in the environment is used
 * when {@code password} is absent.
 */
public record MqttSettings(String broker, String username, String password, String clientId) {

    public static final String PASSWORD_ENV = "PULSE_BRIDGE_MQTT_PASSWORD";

    /** The broker URI, checked. */
    public URI brokerUri() {
        if (broker == null || broker.isBlank()) {
            throw new ConfigException("mqtt.broker is missing (expected tcp://host:port or ssl://host:port)");
        }
        try {
            URI uri = new URI(broker.trim());
            if (!"tcp".equals(uri.getScheme()) && !"ssl".equals(uri.getScheme())) {
                throw new ConfigException("mqtt.broker '" + broker + "' must start with tcp:// or ssl://");
            }
            if (uri.getHost() == null) {
                throw new ConfigException("mqtt.broker '" + broker + "' has no host");
            }
            return uri;
        } catch (URISyntaxException e) {
            throw new ConfigException("mqtt.broker '" + broker + "' is not a URI: " + e.getReason());
        }
    }

    public boolean ssl() {
        return "ssl".equals(brokerUri().getScheme());
    }

    public int port() {
        int port = brokerUri().getPort();
        return port > 0 ? port : ssl() ? 8883 : 1883;
    }

    public String effectivePassword() {
        return password != null ? password : System.getenv(PASSWORD_ENV);
    }
}

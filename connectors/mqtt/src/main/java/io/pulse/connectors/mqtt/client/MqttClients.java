package io.pulse.connectors.mqtt.client;

import io.pulse.connectors.mqtt.MqttConnectionOptions;

import com.hivemq.client.mqtt.MqttClientSslConfig;
import com.hivemq.client.mqtt.lifecycle.MqttClientDisconnectedContext;
import com.hivemq.client.mqtt.lifecycle.MqttDisconnectSource;
import com.hivemq.client.mqtt.mqtt5.Mqtt5AsyncClient;
import com.hivemq.client.mqtt.mqtt5.Mqtt5Client;
import com.hivemq.client.mqtt.mqtt5.Mqtt5ClientBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.net.ssl.TrustManagerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * Builds HiveMQ MQTT 5 clients the way every Pulse connection needs them: TLS and credentials from
 * {@link MqttConnectionOptions}, and a reconnect loop that never gives up while the owner is open
 * and says, each time, why the connection failed. A job must never sit silently idle.
 */
public final class MqttClients {

    private static final Logger LOG = LoggerFactory.getLogger(MqttClients.class);

    private MqttClients() {}

    /**
     * @param closing tells the reconnect loop that the owner is shutting down and must not reconnect
     * @param onConnected runs after every successful (re)connection, on the client's thread; it must not block
     */
    public static Mqtt5AsyncClient build(
            MqttConnectionOptions options,
            String clientId,
            ReconnectBackoff backoff,
            ConnectionState state,
            BooleanSupplier closing,
            Runnable onConnected) {
        Mqtt5ClientBuilder builder = Mqtt5Client.builder()
                .identifier(clientId)
                .serverHost(options.host())
                .serverPort(options.port())
                .addConnectedListener(context -> {
                    if (state.lastFailure() != null) {
                        LOG.info("MQTT broker {} (client '{}') connected again", options.brokerUri(), clientId);
                    }
                    state.markConnected();
                    onConnected.run();
                })
                .addDisconnectedListener(context -> onDisconnected(context, options, clientId, backoff, state, closing));
        if (options.tls()) {
            builder = builder.sslConfig(sslConfig(options));
        }
        if (options.username() != null) {
            builder = builder.simpleAuth()
                    .username(options.username())
                    .password(options.password() == null ? new byte[0] : options.password().getBytes(StandardCharsets.UTF_8))
                    .applySimpleAuth();
        }
        return builder.buildAsync();
    }

    private static void onDisconnected(
            MqttClientDisconnectedContext context,
            MqttConnectionOptions options,
            String clientId,
            ReconnectBackoff backoff,
            ConnectionState state,
            BooleanSupplier closing) {
        if (closing.getAsBoolean() || context.getSource() == MqttDisconnectSource.USER) {
            return;
        }
        int attempt = context.getReconnector().getAttempts();
        long delay = backoff.delayMillis(attempt);
        String failure = ConnectionFailure.describe(options.brokerUri(), clientId, context.getCause());
        state.markFailed(failure);
        if (attempt == 0) {
            LOG.error("{}; reconnecting in {} ms", failure, delay);
        } else {
            LOG.warn("{}; reconnect attempt {} in {} ms", failure, attempt + 1, delay);
        }
        context.getReconnector().reconnect(true).delay(delay, TimeUnit.MILLISECONDS);
    }

    private static MqttClientSslConfig sslConfig(MqttConnectionOptions options) {
        if (options.trustStorePath() == null) {
            return MqttClientSslConfig.builder().build(); // the JVM's default trust store
        }
        try (InputStream in = Files.newInputStream(Path.of(options.trustStorePath()))) {
            KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
            char[] password = options.trustStorePassword() == null ? null : options.trustStorePassword().toCharArray();
            store.load(in, password);
            TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trust.init(store);
            return MqttClientSslConfig.builder().trustManagerFactory(trust).build();
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalArgumentException(
                    "cannot load MQTT trust store '" + options.trustStorePath() + "': " + e.getMessage(), e);
        }
    }
}

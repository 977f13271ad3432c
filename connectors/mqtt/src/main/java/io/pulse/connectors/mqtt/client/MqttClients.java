package io.pulse.connectors.mqtt.client;

import io.pulse.connectors.mqtt.MqttConnectionOptions;
import io.pulse.connectors.mqtt.TrustStores;

import com.hivemq.client.mqtt.MqttClientSslConfig;
import com.hivemq.client.mqtt.MqttClientTransportConfig;
import com.hivemq.client.mqtt.MqttClientTransportConfigBuilder;
import com.hivemq.client.mqtt.lifecycle.MqttClientDisconnectedContext;
import com.hivemq.client.mqtt.lifecycle.MqttDisconnectSource;
import com.hivemq.client.mqtt.mqtt5.Mqtt5AsyncClient;
import com.hivemq.client.mqtt.mqtt5.Mqtt5Client;
import com.hivemq.client.mqtt.mqtt5.Mqtt5ClientBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.net.ssl.TrustManagerFactory;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * Builds HiveMQ MQTT 5 clients the way every Pulse connection needs them: TLS and credentials from
 * {@link MqttConnectionOptions}, and a reconnect loop that never gives up while the owner is open
 * and says, each time, why the connection failed. A job must never sit silently idle.
 */
public final class MqttClients {

    private static final Logger LOG = LoggerFactory.getLogger(MqttClients.class);

    /**
     * A broker that accepts TCP but never answers CONNECT fails an attempt after this long (the
     * client's default is 60 s of silence); a connection that cannot even be opened likewise.
     */
    static final long CONNECT_TIMEOUT_SECONDS = 10;

    /**
     * When one failure was last logged, by broker, failure (without the client) and attempt: the
     * sources and sinks of a job open several clients to the same broker, and each fails and
     * retries in step with the others. One line per attempt says it all; the rest go to DEBUG.
     */
    private static final Map<String, Long> LOGGED = new ConcurrentHashMap<>();
    private static final long SAME_FAILURE_NANOS = TimeUnit.SECONDS.toNanos(30);

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
        // TLS goes into the transport config itself: HiveMQ 1.4.2's client builder keeps a transport
        // config applied with transportConfig() and ignores a later sslConfig(), connecting in plain
        // TCP to an ssl:// broker (the broker logs "wrong version number").
        MqttClientTransportConfigBuilder transport = MqttClientTransportConfig.builder()
                .serverHost(options.host())
                .serverPort(options.port())
                .socketConnectTimeout(CONNECT_TIMEOUT_SECONDS, TimeUnit.SECONDS)
                .mqttConnectTimeout(CONNECT_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        if (options.tls()) {
            transport = transport.sslConfig(sslConfig(options));
        }
        Mqtt5ClientBuilder builder = Mqtt5Client.builder()
                .identifier(clientId)
                .transportConfig(transport.build())
                .addConnectedListener(context -> {
                    if (state.lastFailure() != null) {
                        LOG.info("MQTT broker {} (client '{}') connected again", options.brokerUri(), clientId);
                    }
                    state.markConnected();
                    onConnected.run();
                })
                .addDisconnectedListener(context -> onDisconnected(context, options, clientId, backoff, state, closing));
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
        logFailure(failure, clientId, attempt, delay);
        context.getReconnector().reconnect(true).delay(delay, TimeUnit.MILLISECONDS);
    }

    /**
     * Logs a failed connection and the coming reconnect attempt: the first client of a broker with
     * this failure at this attempt at ERROR (first attempt) or WARN, the others at DEBUG.
     */
    public static void logFailure(String failure, String clientId, int attempt, long delayMillis) {
        String ofAll = failure.replace(" (client '" + clientId + "')", "");
        if (!firstToLog(ofAll + "|" + attempt)) {
            LOG.debug("{}; reconnect attempt {} in {} ms", failure, attempt + 1, delayMillis);
        } else if (attempt == 0) {
            LOG.error("{}; reconnecting in {} ms (each client of this broker retries; one line per attempt)", ofAll, delayMillis);
        } else {
            LOG.warn("{}; reconnect attempt {} in {} ms", ofAll, attempt + 1, delayMillis);
        }
    }

    /** Whether no other client logged this failure at this attempt lately. */
    static boolean firstToLog(String failureAndAttempt) {
        long now = System.nanoTime();
        if (LOGGED.size() > 1_000) {
            LOGGED.values().removeIf(at -> now - at > SAME_FAILURE_NANOS);
        }
        boolean[] first = {false};
        LOGGED.compute(failureAndAttempt, (key, at) -> {
            first[0] = at == null || now - at > SAME_FAILURE_NANOS;
            return first[0] ? now : at;
        });
        return first[0];
    }

    private static MqttClientSslConfig sslConfig(MqttConnectionOptions options) {
        TrustManagerFactory trust = TrustStores.factory(options);
        return trust == null
                ? MqttClientSslConfig.builder().build() // the JVM's default trust store
                : MqttClientSslConfig.builder().trustManagerFactory(trust).build();
    }
}

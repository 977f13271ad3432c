package io.pulse.bridge.publish;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.hivemq.client.mqtt.MqttClient;
import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt5.Mqtt5AsyncClient;
import com.hivemq.client.mqtt.mqtt5.Mqtt5ClientBuilder;
import com.hivemq.client.mqtt.mqtt5.message.connect.Mqtt5ConnectBuilder;
import com.hivemq.client.mqtt.mqtt5.message.publish.Mqtt5PublishResult;

import io.pulse.bridge.config.MqttSettings;

/**
 * The bridge's MQTT connection (HiveMQ client, MQTT 5), reconnecting by itself. It carries a
 * retained last will ("offline") on the status topic. It uses a clean session on purpose: the
 * durable queue, not the client's memory, holds what is unacknowledged, and a dropped connection
 * fails in-flight publishes so the forwarder sends them again from the queue.
 */
public final class MqttLink implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(MqttLink.class);

    private final Mqtt5AsyncClient client;
    private final MqttSettings settings;
    private final String statusTopic;
    private final byte[] will;
    private final java.util.concurrent.atomic.AtomicBoolean reportedDown = new java.util.concurrent.atomic.AtomicBoolean();

    public MqttLink(MqttSettings settings, String clientId, String statusTopic, byte[] will, Runnable onConnected) {
        this.settings = settings;
        this.statusTopic = statusTopic;
        this.will = will;
        Mqtt5ClientBuilder builder = MqttClient.builder().useMqttVersion5()
                .identifier(clientId)
                .serverHost(settings.brokerUri().getHost())
                .serverPort(settings.port())
                .automaticReconnect().initialDelay(500, TimeUnit.MILLISECONDS).maxDelay(5, TimeUnit.SECONDS)
                .applyAutomaticReconnect()
                .addConnectedListener(ctx -> {
                    LOG.info("connected to MQTT broker {}", settings.broker());
                    reportedDown.set(false);
                    onConnected.run();
                })
                .addDisconnectedListener(ctx -> {
                    // once per outage, not once per reconnect attempt
                    if (ctx.getSource() != com.hivemq.client.mqtt.lifecycle.MqttDisconnectSource.USER
                            && reportedDown.compareAndSet(false, true)) {
                        LOG.warn("MQTT broker {} unreachable ({}); readings queue on disk until it is back",
                                settings.broker(), ctx.getCause().getMessage());
                    }
                });
        if (settings.ssl()) {
            builder = builder.sslWithDefaultConfig();
        }
        this.client = builder.buildAsync();
    }

    /** Connects in the background; with the broker down it keeps trying. */
    public void start() {
        Mqtt5ConnectBuilder.Send<CompletableFuture<com.hivemq.client.mqtt.mqtt5.message.connect.connack.Mqtt5ConnAck>> connect =
                client.connectWith().cleanStart(true).noSessionExpiry().keepAlive(30);
        if (settings.username() != null) {
            String password = settings.effectivePassword();
            connect = connect.simpleAuth().username(settings.username())
                    .password(password == null ? new byte[0] : password.getBytes(StandardCharsets.UTF_8))
                    .applySimpleAuth();
        }
        connect.willPublish().topic(statusTopic).payload(will).qos(MqttQos.AT_LEAST_ONCE).retain(true).applyWillPublish()
                .send()
                .whenComplete((ack, error) -> {
                    if (error != null) {
                        LOG.warn("cannot connect to MQTT broker {} yet ({}); retrying", settings.broker(), error.getMessage());
                    }
                });
    }

    public boolean isConnected() {
        return client.getState().isConnected();
    }

    /** QoS 1; the future completes on PUBACK and fails on an error reason or a lost connection. */
    public CompletableFuture<Mqtt5PublishResult> publish(String topic, byte[] payload, boolean retain) {
        return client.publishWith().topic(topic).qos(MqttQos.AT_LEAST_ONCE).retain(retain).payload(payload).send();
    }

    /** Publishes {@code lastStatus} (retained) if connected, then disconnects cleanly. */
    public void close(byte[] lastStatus) {
        if (isConnected()) {
            try {
                publish(statusTopic, lastStatus, true).get(5, TimeUnit.SECONDS);
            } catch (Exception e) {
                LOG.warn("could not publish the offline status: {}", e.getMessage());
            }
        }
        close();
    }

    @Override
    public void close() {
        try {
            client.disconnect().get(5, TimeUnit.SECONDS);
        } catch (Exception e) {
            LOG.debug("disconnect: {}", e.toString());
        }
    }
}

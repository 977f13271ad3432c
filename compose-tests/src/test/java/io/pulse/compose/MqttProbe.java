package io.pulse.compose;

import com.hivemq.client.mqtt.MqttClient;
import com.hivemq.client.mqtt.MqttClientSslConfig;
import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt5.Mqtt5BlockingClient;
import com.hivemq.client.mqtt.mqtt5.Mqtt5Client;
import com.hivemq.client.mqtt.mqtt5.exceptions.Mqtt5PubAckException;
import com.hivemq.client.mqtt.mqtt5.message.publish.Mqtt5Publish;
import com.hivemq.client.mqtt.mqtt5.message.publish.Mqtt5PublishResult;
import com.hivemq.client.mqtt.mqtt5.message.publish.puback.Mqtt5PubAckReasonCode;
import com.hivemq.client.mqtt.mqtt5.message.subscribe.suback.Mqtt5SubAckReasonCode;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** One MQTT 5 account connected to the broker under test: publishes, subscribes, collects. */
final class MqttProbe implements AutoCloseable {
    private final Mqtt5BlockingClient client;
    private final BlockingQueue<Mqtt5Publish> received = new LinkedBlockingQueue<>();

    private MqttProbe(Mqtt5BlockingClient client) {
        this.client = client;
    }

    static MqttProbe connect(int port, String user, String password) {
        return connect(port, user, password, null);
    }

    static MqttProbe connect(int port, String user, String password, MqttClientSslConfig ssl) {
        var builder = Mqtt5Client.builder().identifier("probe-" + UUID.randomUUID())
                .serverHost("127.0.0.1").serverPort(port);
        if (ssl != null) {
            builder = builder.sslConfig(ssl);
        }
        Mqtt5BlockingClient client = builder.buildBlocking();
        var connect = client.connectWith().cleanStart(true);
        if (user != null) {
            connect.simpleAuth().username(user).password(password.getBytes(StandardCharsets.UTF_8)).applySimpleAuth();
        }
        connect.send();
        MqttProbe probe = new MqttProbe(client);
        client.toAsync().publishes(com.hivemq.client.mqtt.MqttGlobalPublishFilter.ALL, probe.received::add);
        return probe;
    }

    /** The broker's answer to a QoS 1 publish (Mosquitto 2 answers NOT_AUTHORIZED to MQTT 5 clients). */
    Mqtt5PubAckReasonCode publish(String topic, String payload, boolean retain) {
        try {
            var result = client.toAsync().publishWith().topic(topic).qos(MqttQos.AT_LEAST_ONCE).retain(retain)
                    .payload(payload.getBytes(StandardCharsets.UTF_8)).send().get(10, TimeUnit.SECONDS);
            Mqtt5PubAckReasonCode code = ((Mqtt5PublishResult.Mqtt5Qos1Result) result).getPubAck().getReasonCode();
            // accepted, only nobody subscribed yet: for an ACL that is the same as SUCCESS
            return code == Mqtt5PubAckReasonCode.NO_MATCHING_SUBSCRIBERS ? Mqtt5PubAckReasonCode.SUCCESS : code;
        } catch (java.util.concurrent.ExecutionException e) {
            if (e.getCause() instanceof Mqtt5PubAckException refused) {
                return refused.getMqttMessage().getReasonCode();
            }
            throw new AssertionError("publish to " + topic + " failed: " + e, e);
        } catch (Exception e) {
            throw new AssertionError("publish to " + topic + " failed: " + e, e);
        }
    }

    List<Mqtt5SubAckReasonCode> subscribe(String filter) {
        return client.subscribeWith().topicFilter(filter).qos(MqttQos.AT_LEAST_ONCE).send().getReasonCodes();
    }

    /** The next message received within the timeout, as "topic payload", or null. */
    String next(long millis) throws InterruptedException {
        Mqtt5Publish publish = received.poll(millis, TimeUnit.MILLISECONDS);
        return publish == null ? null
                : publish.getTopic() + " " + new String(publish.getPayloadAsBytes(), StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        client.disconnect();
    }
}

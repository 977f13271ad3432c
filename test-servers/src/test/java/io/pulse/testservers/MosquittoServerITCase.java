package io.pulse.testservers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import com.hivemq.client.mqtt.MqttGlobalPublishFilter;
import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt5.Mqtt5AsyncClient;
import com.hivemq.client.mqtt.mqtt5.Mqtt5BlockingClient;
import com.hivemq.client.mqtt.mqtt5.Mqtt5Client;
import com.hivemq.client.mqtt.mqtt5.exceptions.Mqtt5ConnAckException;
import com.hivemq.client.mqtt.mqtt5.message.connect.connack.Mqtt5ConnAck;
import com.hivemq.client.mqtt.mqtt5.message.connect.connack.Mqtt5ConnAckReasonCode;
import com.hivemq.client.mqtt.mqtt5.message.publish.Mqtt5Publish;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class MosquittoServerITCase {

    @RegisterExtension
    static final MosquittoServer MQTT = MosquittoServer.create();

    @RegisterExtension
    static final MosquittoServer SECURED = MosquittoServer.create().withUser("pulse", "s3cret");

    @Test
    void publishSubscribeRoundTripOnALoopbackPort() throws Exception {
        assertThat(MQTT.port()).isNotIn(1883).isGreaterThan(1023);
        assertThat(MQTT.uri()).isEqualTo("tcp://127.0.0.1:" + MQTT.port());

        Mqtt5BlockingClient subscriber = client(MQTT, "sub-roundtrip").toBlocking();
        Mqtt5BlockingClient publisher = client(MQTT, "pub-roundtrip").toBlocking();
        try (Mqtt5BlockingClient.Mqtt5Publishes received = subscriber.publishes(MqttGlobalPublishFilter.ALL)) {
            subscriber.connect();
            subscriber.subscribeWith().topicFilter("devices/+/telemetry").qos(MqttQos.AT_LEAST_ONCE).send();
            publisher.connect();
            publisher.publishWith().topic("devices/d1/telemetry").qos(MqttQos.AT_LEAST_ONCE)
                    .payload("{\"temperature\":21.5}".getBytes(StandardCharsets.UTF_8)).send();

            Mqtt5Publish message = received.receive(10, TimeUnit.SECONDS).orElseThrow();
            assertThat(message.getTopic().toString()).isEqualTo("devices/d1/telemetry");
            assertThat(new String(message.getPayloadAsBytes(), StandardCharsets.UTF_8)).isEqualTo("{\"temperature\":21.5}");
        } finally {
            subscriber.disconnect();
            publisher.disconnect();
        }
    }

    @Test
    void brokerRunsPulseCanonicalSettings() throws Exception {
        String generated = Files.readString(MQTT.configFile());
        assertThat(generated)
                .startsWith(MosquittoServer.canonicalConfig())
                .contains("max_inflight_messages 1000", "max_queued_messages 5000000",
                        "listener " + MQTT.port() + " 127.0.0.1", "persistence true", "allow_anonymous true");

        // The announced Receive Maximum is max_inflight_messages: proof the broker applied the file.
        Mqtt5BlockingClient client = client(MQTT, "restrictions").toBlocking();
        Mqtt5ConnAck connAck = client.connect();
        try {
            assertThat(connAck.getRestrictions().getReceiveMaximum()).isEqualTo(1000);
        } finally {
            client.disconnect();
        }
    }

    @Test
    void aSubscriberHoldingItsAcksGetsTheWindowOf1000AndTheRestOnceItAcknowledges() throws Exception {
        // The broker's window is max_inflight_messages; what is beyond it queues (Mosquitto's default
        // would stop at 20). Acknowledging lets the queue drain; on Mosquitto 2.0.11 it drains all at
        // once, which a client accepting 65,535 unacknowledged messages (HiveMQ's default) absorbs.
        int count = 3000;
        Set<String> received = ConcurrentHashMap.newKeySet();
        List<Mqtt5Publish> unacked = new ArrayList<>();
        Mqtt5AsyncClient subscriber = client(MQTT, "holding-acks");
        subscriber.publishes(MqttGlobalPublishFilter.ALL, p -> {
            synchronized (unacked) {
                unacked.add(p);
            }
            received.add(new String(p.getPayloadAsBytes(), StandardCharsets.UTF_8));
        }, true); // manual acknowledgement
        subscriber.connect().get(10, TimeUnit.SECONDS);
        subscriber.subscribeWith().topicFilter("inflight/#").qos(MqttQos.AT_LEAST_ONCE).send().get(10, TimeUnit.SECONDS);

        Mqtt5AsyncClient publisher = client(MQTT, "inflight-pub");
        publisher.connect().get(10, TimeUnit.SECONDS);
        publishAll(publisher, "inflight/x", count);

        awaitSize(received, 1000, 20_000);
        Thread.sleep(1_000);
        assertThat(received).as("the window: nothing more until acknowledged").hasSize(1000);
        for (int round = 0; round < 10 && received.size() < count; round++) {
            List<Mqtt5Publish> toAck;
            synchronized (unacked) {
                toAck = new ArrayList<>(unacked);
                unacked.clear();
            }
            toAck.forEach(Mqtt5Publish::acknowledge);
            awaitSize(received, Math.min(count, received.size() + 1), 20_000);
        }
        assertThat(received).hasSize(count);
        synchronized (unacked) {
            unacked.forEach(Mqtt5Publish::acknowledge);
        }
        subscriber.disconnect().get(10, TimeUnit.SECONDS);
        publisher.disconnect().get(10, TimeUnit.SECONDS);
    }

    @Test
    void persistentSessionKeepsMoreThanAThousandQueuedMessagesAcrossRestart() throws Exception {
        int port = MQTT.port();
        // Offline persistent session with a subscription. Clean Start must be false even on the
        // FIRST connect: Mosquitto 2.0.11 drops, at restart, a session whose last CONNECT had
        // Clean Start = 1, whatever its Session Expiry Interval (checked by hand).
        Mqtt5BlockingClient offline = client(MQTT, "persistent-job").toBlocking();
        offline.connectWith().cleanStart(false).sessionExpiryInterval(3600).send();
        offline.subscribeWith().topicFilter("queued/#").qos(MqttQos.AT_LEAST_ONCE).send();
        offline.disconnect();

        // 2500 > Mosquitto's default max_queued_messages (1000), beyond which it would drop.
        int count = 2500;
        Mqtt5AsyncClient publisher = client(MQTT, "queued-pub");
        publisher.connect().get(10, TimeUnit.SECONDS);
        publishAll(publisher, "queued/x", count);
        publisher.disconnect().get(10, TimeUnit.SECONDS);

        MQTT.restart();
        assertThat(MQTT.port()).isEqualTo(port);

        Set<String> received = ConcurrentHashMap.newKeySet();
        Mqtt5AsyncClient resumed = client(MQTT, "persistent-job");
        resumed.publishes(MqttGlobalPublishFilter.ALL, p -> received.add(new String(p.getPayloadAsBytes(),
                StandardCharsets.UTF_8))); // registered BEFORE connect, or resumed messages are lost
        Mqtt5ConnAck connAck = resumed.connectWith().cleanStart(false).sessionExpiryInterval(0).send()
                .get(10, TimeUnit.SECONDS);
        assertThat(connAck.isSessionPresent()).isTrue();
        awaitSize(received, count, 20_000);
        assertThat(received).hasSize(count);
        resumed.disconnect().get(10, TimeUnit.SECONDS);
    }

    @Test
    void killMakesThePortRefuseConnectionsAndStartBringsItBackOnTheSamePort() throws Exception {
        int port = MQTT.port();
        MQTT.kill();
        assertThat(MQTT.isRunning()).isFalse();
        assertThatThrownBy(() -> connectTcp(port)).isInstanceOf(IOException.class);

        MQTT.start();
        assertThat(MQTT.port()).isEqualTo(port);
        Mqtt5BlockingClient client = client(MQTT, "after-kill").toBlocking();
        client.connect();
        client.disconnect();
    }

    @Test
    void withUserAcceptsTheRightCredentialsOnly() throws Exception {
        assertThat(Files.readString(SECURED.configFile())).contains("allow_anonymous false", "password_file ");
        assertThat(Files.readString(SECURED.directory().resolve("passwd"))).startsWith("pulse:").doesNotContain("s3cret");

        Mqtt5BlockingClient good = client(SECURED, "good").toBlocking();
        good.connectWith().simpleAuth().username("pulse").password("s3cret".getBytes(StandardCharsets.UTF_8))
                .applySimpleAuth().send();
        good.disconnect();

        Mqtt5BlockingClient wrong = client(SECURED, "wrong").toBlocking();
        assertThatThrownBy(() -> wrong.connectWith().simpleAuth().username("pulse")
                .password("nope".getBytes(StandardCharsets.UTF_8)).applySimpleAuth().send())
                .isInstanceOfSatisfying(Mqtt5ConnAckException.class, e -> assertThat(e.getMqttMessage().getReasonCode())
                        .isIn(Mqtt5ConnAckReasonCode.BAD_USER_NAME_OR_PASSWORD, Mqtt5ConnAckReasonCode.NOT_AUTHORIZED));

        Mqtt5BlockingClient anonymous = client(SECURED, "anonymous").toBlocking();
        assertThatThrownBy(anonymous::connect).isInstanceOf(Mqtt5ConnAckException.class);
    }

    private static Mqtt5AsyncClient client(MosquittoServer server, String id) {
        return Mqtt5Client.builder().identifier(id).serverHost(server.host()).serverPort(server.port()).buildAsync();
    }

    private static void publishAll(Mqtt5AsyncClient publisher, String topic, int count) throws Exception {
        List<CompletableFuture<?>> acks = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            acks.add(publisher.publishWith().topic(topic).qos(MqttQos.AT_LEAST_ONCE)
                    .payload(("m-" + i).getBytes(StandardCharsets.UTF_8)).send());
        }
        CompletableFuture.allOf(acks.toArray(CompletableFuture[]::new)).get(30, TimeUnit.SECONDS);
    }

    private static void awaitSize(Set<?> set, int size, long timeoutMillis) throws InterruptedException {
        long deadline = System.currentTimeMillis() + timeoutMillis;
        while (set.size() < size && System.currentTimeMillis() < deadline) {
            Thread.sleep(20);
        }
    }

    private static void connectTcp(int port) throws IOException {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 1000);
        }
    }
}

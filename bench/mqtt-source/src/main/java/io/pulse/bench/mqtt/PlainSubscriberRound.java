package io.pulse.bench.mqtt;

import io.pulse.testservers.MosquittoServer;

import com.hivemq.client.mqtt.MqttGlobalPublishFilter;
import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.lifecycle.MqttDisconnectSource;
import com.hivemq.client.mqtt.mqtt5.Mqtt5AsyncClient;
import com.hivemq.client.mqtt.mqtt5.Mqtt5Client;
import com.hivemq.client.mqtt.mqtt5.message.publish.Mqtt5Publish;
import com.hivemq.client.mqtt.mqtt5.message.subscribe.suback.Mqtt5SubAck;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * (b) The ceiling: a plain HiveMQ MQTT 5 client (the library of the sinks, and of the source
 * before it had its own MQTT client), with the plainest code that receives the messages. A
 * persistent session like the source's (Clean Start 0, 7 days expiry, fresh client id), subscribed
 * with QoS 1 before the first publish, automatic acknowledgement (the PUBACK goes out when the
 * callback returns), the callback on the client's own thread. The callback marks each message in
 * {@link Arrivals}, as the source's job does. No Flink, no spool: what the broker and the client
 * library deliver.
 */
final class PlainSubscriberRound {

    private static final long SESSION_EXPIRY_SECONDS = Duration.ofDays(7).toSeconds();

    private PlainSubscriberRound() {}

    static RoundResult run(MosquittoServer mqtt, String clientId, List<Mqtt5Publish> messages, long firstSeq)
            throws Exception {
        int n = messages.size();
        Arrivals arrivals = Arrivals.open(clientId, firstSeq, n);
        AtomicLong disconnects = new AtomicLong();
        AtomicLong callbacks = new AtomicLong();
        Mqtt5AsyncClient client = Mqtt5Client.builder().identifier(clientId)
                .serverHost(mqtt.host()).serverPort(mqtt.port())
                .addDisconnectedListener(context -> {
                    if (context.getSource() != MqttDisconnectSource.USER) {
                        disconnects.incrementAndGet();
                    }
                })
                .buildAsync();
        client.publishes(MqttGlobalPublishFilter.ALL, publish -> {
            callbacks.incrementAndGet();
            arrivals.mark(publish.getPayloadAsBytes());
        });
        try {
            client.connectWith().cleanStart(false).sessionExpiryInterval(SESSION_EXPIRY_SECONDS).keepAlive(30)
                    .send().orTimeout(10, TimeUnit.SECONDS).join();
            Mqtt5SubAck subAck = client.subscribeWith().topicFilter(Telemetry.FILTER).qos(MqttQos.AT_LEAST_ONCE)
                    .send().orTimeout(10, TimeUnit.SECONDS).join();
            if (subAck.getReasonCodes().stream().anyMatch(code -> code.isError())) {
                throw new IllegalStateException("plain subscriber: subscription refused: " + subAck.getReasonCodes());
            }
            try (Publisher publisher = new Publisher(mqtt, clientId + "-publisher")) {
                long start = System.nanoTime();
                long published = publisher.publishAll(messages);
                long arrived;
                try {
                    arrived = arrivals.awaitAll(Duration.ofSeconds(60), "plain subscriber " + clientId);
                } catch (IllegalStateException e) {
                    throw new IllegalStateException(e.getMessage() + "; disconnects " + disconnects.get(), e);
                }
                Thread.sleep(SourceRound.SETTLE_MILLIS);
                return new RoundResult(n * 1e9 / (arrived - start), n * 1e9 / (published - start),
                        arrivals.duplicates(), arrivals.foreign(), disconnects.get(), callbacks.get());
            }
        } finally {
            // Ending the session (expiry 0) also ends the client's own copy of it, which would otherwise keep
            // the client's non-daemon event loop, and this JVM, alive for the 7 days.
            client.disconnectWith().sessionExpiryInterval(0).send().orTimeout(10, TimeUnit.SECONDS)
                    .exceptionally(e -> null).join();
            BrokerSessions.remove(mqtt, clientId);
            Arrivals.close(clientId);
        }
    }
}

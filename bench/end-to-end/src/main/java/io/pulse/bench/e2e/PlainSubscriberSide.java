package io.pulse.bench.e2e;

import com.hivemq.client.mqtt.MqttGlobalPublishFilter;
import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.lifecycle.MqttDisconnectSource;
import com.hivemq.client.mqtt.mqtt5.Mqtt5AsyncClient;
import com.hivemq.client.mqtt.mqtt5.Mqtt5Client;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * (a) The broker's ceiling, as bench/mqtt-source measures it: a plain HiveMQ MQTT 5 client, persistent
 * session (Clean Start 0, 7 days), QoS 1 on the telemetry filter, automatic acknowledgement when its
 * callback returns; "stored" is "received", counted in the callback. No database.
 */
final class PlainSubscriberSide implements Side {

    private Mqtt5AsyncClient client;
    private final AtomicLong disconnects = new AtomicLong();
    /** Messages received per scenario tag (the topic's {@code devices/<tag>-...}). */
    private final Map<String, AtomicLong> received = new ConcurrentHashMap<>();

    @Override
    public String key() {
        return "plain";
    }

    @Override
    public String label() {
        return "(a) plain HiveMQ subscriber, QoS 1, acks at once";
    }

    @Override
    public Workload workload() {
        return Workload.TELEMETRY;
    }

    @Override
    public boolean flushes() {
        return false;
    }

    @Override
    public void start(Servers s, String run) {
        disconnects.set(0);
        client = Mqtt5Client.builder().identifier("e2e-plain-" + run)
                .serverHost(s.mqtt().host()).serverPort(s.mqtt().port())
                .addDisconnectedListener(c -> {
                    if (c.getSource() != MqttDisconnectSource.USER) {
                        disconnects.incrementAndGet();
                    }
                })
                .buildAsync();
        client.publishes(MqttGlobalPublishFilter.ALL, p -> {
            String device = p.getTopic().getLevels().get(1);
            int dash = device.indexOf('-');
            received.computeIfAbsent(dash < 0 ? device : device.substring(0, dash), t -> new AtomicLong()).incrementAndGet();
        });
        client.connectWith().cleanStart(false).sessionExpiryInterval(Duration.ofDays(7).toSeconds()).keepAlive(30)
                .send().orTimeout(10, TimeUnit.SECONDS).join();
        client.subscribeWith().topicFilter(Workload.TELEMETRY.filter).qos(MqttQos.AT_LEAST_ONCE)
                .send().orTimeout(10, TimeUnit.SECONDS).join();
    }

    @Override
    public Stores.Store store(Servers s, String tag) {
        AtomicLong count = received.computeIfAbsent(tag, t -> new AtomicLong());
        return count::get;
    }

    @Override
    public String checks(Servers s, String tag, int messages) {
        return "disconnects (so far): " + disconnects.get();
    }

    @Override
    public void stop() {
        if (client != null) {
            client.disconnectWith().sessionExpiryInterval(0).send().orTimeout(10, TimeUnit.SECONDS)
                    .exceptionally(e -> null).join();
            client = null;
        }
    }
}

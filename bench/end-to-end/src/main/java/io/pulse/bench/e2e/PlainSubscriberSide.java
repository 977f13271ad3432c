package io.pulse.bench.e2e;

import com.hivemq.client.mqtt.MqttGlobalPublishFilter;
import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.lifecycle.MqttDisconnectSource;
import com.hivemq.client.mqtt.mqtt5.Mqtt5AsyncClient;
import com.hivemq.client.mqtt.mqtt5.Mqtt5Client;

import java.time.Duration;
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
    private final AtomicLong received = new AtomicLong();
    private final AtomicLong foreign = new AtomicLong();

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
    public Stores.Store start(Servers s, String tag) {
        received.set(0);
        foreign.set(0);
        disconnects.set(0);
        String prefix = "devices/" + tag + "-";
        client = Mqtt5Client.builder().identifier("e2e-plain-" + tag)
                .serverHost(s.mqtt().host()).serverPort(s.mqtt().port())
                .addDisconnectedListener(c -> {
                    if (c.getSource() != MqttDisconnectSource.USER) {
                        disconnects.incrementAndGet();
                    }
                })
                .buildAsync();
        client.publishes(MqttGlobalPublishFilter.ALL, p -> {
            if (p.getTopic().toString().startsWith(prefix)) {
                received.incrementAndGet();
            } else {
                foreign.incrementAndGet();
            }
        });
        client.connectWith().cleanStart(false).sessionExpiryInterval(Duration.ofDays(7).toSeconds()).keepAlive(30)
                .send().orTimeout(10, TimeUnit.SECONDS).join();
        client.subscribeWith().topicFilter(Workload.TELEMETRY.filter).qos(MqttQos.AT_LEAST_ONCE)
                .send().orTimeout(10, TimeUnit.SECONDS).join();
        return received::get;
    }

    @Override
    public String checks(Servers s, String tag, int messages) {
        return "disconnects: " + disconnects.get() + "; messages of other scenarios: " + foreign.get();
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

package io.pulse.bench.mqtt;

import io.pulse.testservers.MosquittoServer;

import com.hivemq.client.mqtt.mqtt5.message.publish.Mqtt5Publish;

import java.util.List;

/**
 * (c) The publisher alone: the same messages into the same broker with no subscriber. The broker
 * acknowledges each (reason "no matching subscribers") and keeps nothing: how fast messages get
 * into this broker on this machine, the bound on both other sides.
 */
final class PublisherAloneRound {

    private PublisherAloneRound() {}

    static RoundResult run(MosquittoServer mqtt, String clientId, List<Mqtt5Publish> messages) throws Exception {
        try (Publisher publisher = new Publisher(mqtt, clientId)) {
            long start = System.nanoTime();
            long published = publisher.publishAll(messages);
            return RoundResult.publisherAlone(messages.size() * 1e9 / (published - start));
        }
    }
}

package io.pulse.bench.mqtt;

import io.pulse.testservers.MosquittoServer;

import com.hivemq.client.mqtt.mqtt5.Mqtt5AsyncClient;
import com.hivemq.client.mqtt.mqtt5.Mqtt5Client;

import java.util.concurrent.TimeUnit;

/**
 * Ends a persistent session a round left on the broker. Both subscribers keep theirs (7 days), as the
 * source does; left alone, the broker would queue every later round's messages for each of them, and
 * later rounds would measure a broker busy filling dead queues.
 */
final class BrokerSessions {

    private BrokerSessions() {}

    /** Connects as {@code clientId} with Clean Start and no session expiry, then leaves: the broker discards the session. */
    static void remove(MosquittoServer mqtt, String clientId) {
        Mqtt5AsyncClient client = Mqtt5Client.builder().identifier(clientId)
                .serverHost(mqtt.host()).serverPort(mqtt.port()).buildAsync();
        client.connectWith().cleanStart(true).sessionExpiryInterval(0).send().orTimeout(10, TimeUnit.SECONDS).join();
        client.disconnect().orTimeout(10, TimeUnit.SECONDS).join();
    }
}

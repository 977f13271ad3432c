package io.pulse.bridge.it;

import java.nio.file.Path;
import java.util.List;

import io.pulse.bridge.config.BridgeConfig;
import io.pulse.bridge.config.BusConfig;
import io.pulse.bridge.config.MeterConfig;
import io.pulse.bridge.config.MqttSettings;
import io.pulse.bridge.config.QueueSettings;
import io.pulse.bridge.config.TcpEndpoint;
import io.pulse.testservers.MosquittoServer;

/** Configurations for tests: one TCP bus on a simulated server. */
final class BridgeFixture {

    private BridgeFixture() {}

    static BridgeConfig tcpBridge(String bridgeId, MosquittoServer broker, Path queueDir, int modbusPort,
            long pollIntervalMs, List<MeterConfig> meters) {
        return new BridgeConfig(bridgeId,
                new MqttSettings(broker.uri(), null, null, null),
                new QueueSettings(queueDir.toString(), null),
                pollIntervalMs, 500, 1, 1000L,
                List.of(new BusConfig("sim", new TcpEndpoint("127.0.0.1", modbusPort), null, meters)),
                null);
    }
}

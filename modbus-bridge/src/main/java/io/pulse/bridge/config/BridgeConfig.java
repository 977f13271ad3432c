package io.pulse.bridge.config;

import java.util.List;
import java.util.Map;

import io.pulse.bridge.registers.RegisterMap;

/**
 * The whole bridge configuration, as read from YAML (see {@code config/bridge.example.yaml}).
 * Defaults: poll every 5 s, 1 s Modbus timeout, 2 retries, status every 30 s.
 * {@link ConfigValidator#validate} checks it; build it in code for in-process use.
 */
public record BridgeConfig(
        String bridgeId,
        MqttSettings mqtt,
        QueueSettings queue,
        Long pollIntervalMs,
        Integer timeoutMs,
        Integer retries,
        Long statusIntervalMs,
        List<BusConfig> buses,
        Map<String, CustomMapConfig> registerMaps) {

    public BridgeConfig {
        if (pollIntervalMs == null) {
            pollIntervalMs = 5000L;
        }
        if (timeoutMs == null) {
            timeoutMs = 1000;
        }
        if (retries == null) {
            retries = 2;
        }
        if (statusIntervalMs == null) {
            statusIntervalMs = 30_000L;
        }
        buses = buses == null ? List.of() : List.copyOf(buses);
        registerMaps = registerMaps == null ? Map.of() : Map.copyOf(registerMaps);
    }

    /** The register map a meter names: a custom map of this file first, then a preset. */
    public RegisterMap registerMap(MeterConfig meter) {
        return RegisterMaps.resolve(meter.map(), registerMaps);
    }

    /** The meter's own poll interval, or the bridge's. */
    public long pollIntervalMs(MeterConfig meter) {
        return meter.pollIntervalMs() != null ? meter.pollIntervalMs() : pollIntervalMs;
    }

    /** Status topic, retained: {@code energy/bridges/{bridgeId}/status}. */
    public String statusTopic() {
        return "energy/bridges/" + bridgeId + "/status";
    }

    public static String readingsTopic(String meterId) {
        return "energy/meters/" + meterId + "/readings";
    }
}

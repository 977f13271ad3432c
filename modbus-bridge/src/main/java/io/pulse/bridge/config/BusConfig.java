package io.pulse.bridge.config;

import java.util.List;

/** One Modbus line: exactly one of {@code tcp} or {@code rtu}, and the meters on it. */
public record BusConfig(String name, TcpEndpoint tcp, SerialEndpoint rtu, List<MeterConfig> meters) {

    public BusConfig {
        meters = meters == null ? List.of() : List.copyOf(meters);
    }

    public String label() {
        return name != null ? name : tcp != null ? tcp.host() + ":" + tcp.port() : rtu != null ? rtu.port() : "?";
    }
}

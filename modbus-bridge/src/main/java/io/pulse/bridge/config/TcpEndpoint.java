package io.pulse.bridge.config;

/** A Modbus TCP gateway or meter. */
public record TcpEndpoint(String host, Integer port) {

    public TcpEndpoint {
        if (port == null) {
            port = 502;
        }
    }
}

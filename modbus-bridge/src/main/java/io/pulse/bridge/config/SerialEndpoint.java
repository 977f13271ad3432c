package io.pulse.bridge.config;

/** An RS-485 line for Modbus RTU: device path and line settings (default 9600 8N1; they must match the meters' own setup). */
public record SerialEndpoint(String port, Integer baud, String parity, Integer dataBits, Integer stopBits) {

    public SerialEndpoint {
        if (baud == null) {
            baud = 9600;
        }
        if (parity == null) {
            parity = "none";
        }
        if (dataBits == null) {
            dataBits = 8;
        }
        if (stopBits == null) {
            stopBits = 1;
        }
    }
}

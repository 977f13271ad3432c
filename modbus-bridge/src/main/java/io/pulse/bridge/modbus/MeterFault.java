package io.pulse.bridge.modbus;

/** A meter did not give a usable answer: timeout, CRC error, exception response, connection failure. */
public class MeterFault extends Exception {

    public MeterFault(String message, Throwable cause) {
        super(message, cause);
    }

    public MeterFault(String message) {
        super(message);
    }
}

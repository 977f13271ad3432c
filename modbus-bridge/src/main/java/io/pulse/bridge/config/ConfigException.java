package io.pulse.bridge.config;

/** A mistake in the bridge's configuration; the message is one line a person can act on. */
public class ConfigException extends RuntimeException {

    public ConfigException(String message) {
        super(message);
    }
}

package io.pulse.jobs.telemetry.rules;

import java.io.Serializable;

/**
 * What the rules ask to publish on {@code devices/{deviceId}/commands} when an alert of a type
 * opens or resolves: the JSON objects as written in the rules (compact), or null for nothing.
 */
public record AlertCommand(String opened, String resolved) implements Serializable {

    public String on(boolean opening) {
        return opening ? opened : resolved;
    }
}

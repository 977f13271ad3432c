package io.pulse.launcher.demo.summary;

import java.time.Instant;

/** An alert that opened or resolved since the previous summary. */
public record AlertLine(String deviceId, String type, String severity, Instant openedAt,
                        Instant resolvedAt, String message) {

    public boolean resolved() {
        return resolvedAt != null;
    }
}

package io.pulse.launcher.demo.summary;

import java.time.Instant;

/**
 * An alert's opening ({@code resolvedAt} null) or its resolution, as one line of the summary's
 * alert list.
 */
public record AlertLine(String deviceId, String type, String severity, Instant openedAt,
                        Instant resolvedAt, String message) {

    public boolean resolved() {
        return resolvedAt != null;
    }

    /** When this happened: the opening or the resolution. */
    public Instant at() {
        return resolved() ? resolvedAt : openedAt;
    }
}

package io.pulse.connectors.mqtt.source.spool;

import java.io.Serializable;

/**
 * How a session spool writes.
 *
 * @param maxBytes above this many bytes on disk per session, receiving waits for checkpoints to free segments
 * @param segmentBytes a segment file is closed and a new one started at this size
 * @param sync whether a commit forces the data to disk (survives a power loss) or only to the OS (survives a process crash)
 */
public record SpoolSettings(long maxBytes, long segmentBytes, boolean sync) implements Serializable {

    public static final SpoolSettings DEFAULT = new SpoolSettings(4L << 30, 64L << 20, true);

    public SpoolSettings {
        if (maxBytes < 1 << 20 || segmentBytes < 1 << 10) {
            throw new IllegalArgumentException("MQTT spool needs at least 1 MiB and segments of at least 1 KiB, got "
                    + maxBytes + " and " + segmentBytes);
        }
    }
}

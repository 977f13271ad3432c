package io.pulse.connectors.mqtt.source.spool;

import java.io.Serializable;

/**
 * A place in a session's spool: the segment file and the byte offset in it. The reader checkpoints
 * the position of the next record it will emit, so a restore replays exactly what came after.
 */
public record SpoolPosition(long segment, long offset) implements Serializable, Comparable<SpoolPosition> {

    public SpoolPosition {
        if (segment < 1 || offset < 0) {
            throw new IllegalArgumentException("invalid spool position " + segment + ":" + offset);
        }
    }

    @Override
    public int compareTo(SpoolPosition other) {
        int bySegment = Long.compare(segment, other.segment);
        return bySegment != 0 ? bySegment : Long.compare(offset, other.offset);
    }

    @Override
    public String toString() {
        return segment + ":" + offset;
    }
}

package io.pulse.jobs.movement.ingest;

import java.util.Locale;

/** What a scanner's sighting means: a lane scanner's direction, or a dual-zone gate's zone. */
public enum GateRole {
    IN, OUT, OUTER, INNER;

    public boolean lane() {
        return this == IN || this == OUT;
    }

    /** The role as devices write it ({@code in}, {@code out}, {@code outer}, {@code inner}), or null. */
    public static GateRole parse(String text) {
        if (text == null) {
            return null;
        }
        return switch (text.toLowerCase(Locale.ROOT)) {
            case "in" -> IN;
            case "out" -> OUT;
            case "outer" -> OUTER;
            case "inner" -> INNER;
            default -> null;
        };
    }
}

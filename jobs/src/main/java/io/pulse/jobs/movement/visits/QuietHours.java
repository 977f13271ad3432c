package io.pulse.jobs.movement.visits;

import java.io.Serializable;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;

/**
 * A daily UTC interval such as {@code 01:00-05:00} (or {@code 22:00-05:00}, across midnight)
 * during which presence on campus is an anomaly.
 */
public record QuietHours(int startMinute, int endMinute) implements Serializable {

    private static final long MINUTE = 60_000L;
    private static final long DAY = 24 * 60 * MINUTE;

    /** Parses {@code HH:MM-HH:MM}; throws IllegalArgumentException with a readable message. */
    public static QuietHours parse(String text) {
        String[] parts = text.trim().split("-");
        if (parts.length != 2) {
            throw new IllegalArgumentException("must be HH:MM-HH:MM (UTC), e.g. 01:00-05:00, got '" + text + "'");
        }
        try {
            int start = LocalTime.parse(parts[0].trim()).toSecondOfDay() / 60;
            int end = LocalTime.parse(parts[1].trim()).toSecondOfDay() / 60;
            if (start == end) {
                throw new IllegalArgumentException("must not start and end at the same time, got '" + text + "'");
            }
            return new QuietHours(start, end);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("must be HH:MM-HH:MM (UTC), e.g. 01:00-05:00, got '" + text + "'");
        }
    }

    /** Whether the instant (epoch ms) lies in quiet hours. */
    public boolean contains(long ts) {
        long minute = Math.floorMod(ts, DAY) / MINUTE;
        return startMinute < endMinute ? minute >= startMinute && minute < endMinute
                : minute >= startMinute || minute < endMinute;
    }

    /** The first start of quiet hours strictly after {@code ts}. */
    public long nextStartAfter(long ts) {
        long dayStart = ts - Math.floorMod(ts, DAY);
        long start = dayStart + startMinute * MINUTE;
        return start > ts ? start : start + DAY;
    }
}

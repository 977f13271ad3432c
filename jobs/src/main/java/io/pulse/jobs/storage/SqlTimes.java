package io.pulse.jobs.storage;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * Times as SQL text, {@code 2026-03-02 08:00:20.250} in UTC: what a DATETIME(3) column takes whole
 * from any driver and server version (see {@link UpsertTable#bind}). Written digit by digit: a
 * {@link DateTimeFormatter} built zone rules and a print context per call, 4 % of the movement
 * job's CPU under load, where every sighting writes two times.
 */
public final class SqlTimes {

    private static final DateTimeFormatter UTC_MILLIS =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS").withZone(ZoneOffset.UTC);

    private static final int[] HIGHEST_DIGIT = {1, 10, 100, 1_000};

    private SqlTimes() {}

    public static String utc(Instant instant) {
        LocalDateTime t = LocalDateTime.ofEpochSecond(instant.getEpochSecond(), instant.getNano(), ZoneOffset.UTC);
        if (t.getYear() < 0 || t.getYear() > 9999) {
            return UTC_MILLIS.format(instant); // beyond DATETIME's range: the formatter's text, for the error
        }
        StringBuilder s = new StringBuilder(23);
        digits(s, t.getYear(), 4).append('-');
        digits(s, t.getMonthValue(), 2).append('-');
        digits(s, t.getDayOfMonth(), 2).append(' ');
        digits(s, t.getHour(), 2).append(':');
        digits(s, t.getMinute(), 2).append(':');
        digits(s, t.getSecond(), 2).append('.');
        return digits(s, t.getNano() / 1_000_000, 3).toString();
    }

    private static StringBuilder digits(StringBuilder s, int value, int width) {
        for (int scale = HIGHEST_DIGIT[width - 1]; scale > 0; scale /= 10) {
            s.append((char) ('0' + value / scale % 10));
        }
        return s;
    }
}

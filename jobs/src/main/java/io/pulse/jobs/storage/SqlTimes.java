package io.pulse.jobs.storage;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * Times as SQL text, {@code 2026-03-02 08:00:20.250} in UTC: what a DATETIME(3) column takes whole
 * from any driver and server version (see {@link UpsertTable#bind}).
 */
public final class SqlTimes {

    private static final DateTimeFormatter UTC_MILLIS =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS").withZone(ZoneOffset.UTC);

    private SqlTimes() {}

    public static String utc(Instant instant) {
        return UTC_MILLIS.format(instant);
    }
}

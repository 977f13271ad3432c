package io.pulse.grafana;

import java.time.Duration;
import java.time.Instant;

/**
 * The scripted data's two days and the "now" at which the campus dashboards are looked at:
 * Friday 2026-11-20 (a weekday) and Saturday 2026-11-21 (a weekend day), now = Saturday 12:00 UTC.
 * The data lies in the past, as the jobs require (nothing more than 5 minutes ahead of their clock).
 */
public final class ScriptedClock {

    public static final Instant FRIDAY = Instant.parse("2026-11-20T00:00:00Z");
    public static final Instant SATURDAY = FRIDAY.plus(Duration.ofDays(1));
    public static final Instant NOW = Instant.parse("2026-11-21T12:00:00Z");

    private ScriptedClock() {}

    public static Instant friday(String hhmmss) {
        return at(FRIDAY, hhmmss);
    }

    public static Instant saturday(String hhmmss) {
        return at(SATURDAY, hhmmss);
    }

    private static Instant at(Instant day, String hhmmss) {
        return day.plus(Duration.between(Instant.parse("2000-01-01T00:00:00Z"), Instant.parse("2000-01-01T" + hhmmss + "Z")));
    }
}

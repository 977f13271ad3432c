package io.pulse.grafana;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A dashboard or panel time range, resolved the way Grafana resolves its date math in a UTC
 * dashboard: {@code now}, {@code now-6h}, {@code now/d} (start of today), {@code now-1d/d}; a
 * "to" that rounds goes to the end of its unit. A panel's {@code timeFrom} ("Relative time":
 * {@code 30d}, {@code now/d}) replaces the start and keeps {@code now} as the end.
 */
public record TimeRange(Instant from, Instant to) {

    private static final Pattern MATH = Pattern.compile("now(?:([+-])(\\d+)([smhdwMy]))?(?:/([smhdwMy]))?");

    /** The dashboard's own range ({@code time.from}, {@code time.to}) at {@code now}. */
    public static TimeRange ofDashboard(JsonNode dashboard, Instant now) {
        return new TimeRange(parse(dashboard.path("time").path("from").asText(), now, false),
                parse(dashboard.path("time").path("to").asText(), now, true));
    }

    /** The range a panel queries: the dashboard's, unless the panel sets a relative time. */
    public static TimeRange ofPanel(JsonNode dashboard, JsonNode panel, Instant now) {
        if (panel.hasNonNull("timeShift")) {
            throw new IllegalArgumentException("panel '" + panel.path("title").asText() + "': timeShift is not emulated");
        }
        String timeFrom = panel.path("timeFrom").asText("");
        if (timeFrom.isEmpty()) {
            return ofDashboard(dashboard, now);
        }
        String from = timeFrom.startsWith("now") ? timeFrom : "now-" + timeFrom;
        return new TimeRange(parse(from, now, false), now);
    }

    /** Grafana date math relative to {@code now}, in UTC; weeks start on Monday. */
    public static Instant parse(String expression, Instant now, boolean roundUp) {
        Matcher m = MATH.matcher(expression.trim());
        if (!m.matches()) {
            throw new IllegalArgumentException("not Grafana date math this test knows: '" + expression + "'");
        }
        ZonedDateTime t = now.atZone(ZoneOffset.UTC);
        if (m.group(1) != null) {
            long amount = Long.parseLong(m.group(2)) * (m.group(1).equals("-") ? -1 : 1);
            t = t.plus(amount, unit(m.group(3)));
        }
        if (m.group(4) != null) {
            t = startOf(t, m.group(4));
            if (roundUp) {
                t = t.plus(1, unit(m.group(4))).minus(1, ChronoUnit.MILLIS);
            }
        }
        return t.toInstant();
    }

    private static ZonedDateTime startOf(ZonedDateTime t, String unit) {
        return switch (unit) {
            case "s" -> t.truncatedTo(ChronoUnit.SECONDS);
            case "m" -> t.truncatedTo(ChronoUnit.MINUTES);
            case "h" -> t.truncatedTo(ChronoUnit.HOURS);
            case "d" -> t.truncatedTo(ChronoUnit.DAYS);
            case "w" -> t.truncatedTo(ChronoUnit.DAYS).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
            case "M" -> t.truncatedTo(ChronoUnit.DAYS).withDayOfMonth(1);
            case "y" -> t.truncatedTo(ChronoUnit.DAYS).withDayOfYear(1);
            default -> throw new IllegalArgumentException(unit);
        };
    }

    private static ChronoUnit unit(String unit) {
        return switch (unit) {
            case "s" -> ChronoUnit.SECONDS;
            case "m" -> ChronoUnit.MINUTES;
            case "h" -> ChronoUnit.HOURS;
            case "d" -> ChronoUnit.DAYS;
            case "w" -> ChronoUnit.WEEKS;
            case "M" -> ChronoUnit.MONTHS;
            case "y" -> ChronoUnit.YEARS;
            default -> throw new IllegalArgumentException(unit);
        };
    }

    public long fromMillis() {
        return from.toEpochMilli();
    }

    public long toMillis() {
        return to.toEpochMilli();
    }
}

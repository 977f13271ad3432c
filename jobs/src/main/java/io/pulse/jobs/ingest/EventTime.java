package io.pulse.jobs.ingest;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

/**
 * The contract's {@code ts}: an ISO-8601 string with a zone ({@code 2026-03-02T08:00:01.250Z},
 * {@code +05:30} too) or epoch milliseconds as a number. A string without a zone is refused: it
 * would be read in some server's local time.
 */
public final class EventTime {

    private EventTime() {}

    public static Instant parse(JsonNode ts) throws Rejection {
        if (ts == null || ts.isNull() || ts.isMissingNode()) {
            throw new Rejection("ts is missing");
        }
        if (ts.isIntegralNumber()) {
            if (!ts.canConvertToLong() || ts.longValue() < 0) {
                throw new Rejection("ts " + ts + " is not a valid epoch millisecond time");
            }
            return Instant.ofEpochMilli(ts.longValue());
        }
        if (ts.isTextual()) {
            Instant canonical = CanonicalUtc.parse(ts.textValue());
            if (canonical != null) {
                return canonical;
            }
            try {
                return OffsetDateTime.parse(ts.textValue()).toInstant();
            } catch (DateTimeParseException e) {
                throw new Rejection("ts '" + Printable.abbreviate(ts.textValue(), 40) + "' is not ISO-8601 with a zone (e.g. 2026-03-02T08:00:01.250Z)");
            }
        }
        throw new Rejection("ts must be an ISO-8601 string or epoch milliseconds, got " + ts.getNodeType().name().toLowerCase());
    }

}

package io.pulse.jobs.ingest;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;

/**
 * The contract's limits on what devices send (CONTRACT.md section 1, "Limits"), checked at ingest
 * so that nothing beyond them reaches a job's state or a table column: ids fit their 64-character
 * columns, a message is small UTF-8 JSON, times are plausible. Each violation is one rejection.
 */
public final class IngestLimits {

    public static final int MAX_ID_CHARS = 64;
    public static final int MAX_PAYLOAD_BYTES = 64 * 1024;
    public static final int MAX_OBJECTS = 1_000;
    public static final int MAX_NESTING = 8;
    public static final int MAX_METRICS = 32;
    public static final Instant EARLIEST_TS = Instant.parse("2000-01-01T00:00:00Z");
    public static final Duration MAX_FUTURE = Duration.ofMinutes(5);

    private IngestLimits() {}

    /** An id (deviceId, meterId, gate, scanner): 1 to 64 characters from {@code A-Z a-z 0-9 . _ -}. */
    public static String id(String field, String value) throws Rejection {
        if (value == null || value.isEmpty()) {
            throw new Rejection(field + " is missing");
        }
        if (!isId(value)) {
            throw new Rejection(field + " '" + Printable.abbreviate(value, 40) + "' is not an id: 1 to " + MAX_ID_CHARS
                    + " characters from A-Z a-z 0-9 . _ -" + (value.length() > MAX_ID_CHARS ? " (it has " + value.length() + ")" : ""));
        }
        return value;
    }

    /** A metric name: a letter, then letters, digits or {@code _}; 64 characters at most. */
    public static void metricName(String name) throws Rejection {
        if (!isMetricName(name)) {
            throw new Rejection("metric name '" + Printable.abbreviate(name, 40) + "' is not valid: a letter, then letters,"
                    + " digits or _, at most " + MAX_ID_CHARS + " characters");
        }
    }

    /** A whole message: at most 64 KiB of UTF-8 without a byte-order mark. */
    public static void payload(byte[] payload) throws Rejection {
        if (payload.length > MAX_PAYLOAD_BYTES) {
            throw new Rejection("payload is " + payload.length + " bytes, more than " + MAX_PAYLOAD_BYTES);
        }
        if (payload.length >= 3 && (payload[0] & 0xff) == 0xef && (payload[1] & 0xff) == 0xbb && (payload[2] & 0xff) == 0xbf) {
            throw new Rejection("payload starts with a UTF-8 byte-order mark: send UTF-8 without one");
        }
        if (payload.length >= 2 && ((payload[0] & 0xff) == 0xfe && (payload[1] & 0xff) == 0xff
                || (payload[0] & 0xff) == 0xff && (payload[1] & 0xff) == 0xfe)) {
            throw new Rejection("payload is UTF-16 or UTF-32 (byte-order mark): send UTF-8");
        }
        boolean ascii = true;
        for (byte b : payload) {
            if (b == 0) {
                throw new Rejection("payload contains NUL bytes (UTF-16 or binary?): send UTF-8 JSON");
            }
            ascii &= b > 0;
        }
        if (ascii) {
            return; // ASCII is UTF-8: the usual device message needs no decoding
        }
        try {
            StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(payload));
        } catch (CharacterCodingException e) {
            throw new Rejection("payload is not valid UTF-8");
        }
    }

    // Checked per message and per metric: plain loops, no regular expressions.

    /** {@code [A-Za-z0-9._-]{1,64}} */
    private static boolean isId(String value) {
        if (value.length() > MAX_ID_CHARS) {
            return false;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (!(isLetterOrDigit(c) || c == '.' || c == '_' || c == '-')) {
                return false;
            }
        }
        return !value.isEmpty();
    }

    /** {@code [A-Za-z][A-Za-z0-9_]{0,63}} */
    private static boolean isMetricName(String name) {
        if (name.isEmpty() || name.length() > MAX_ID_CHARS || !isLetter(name.charAt(0))) {
            return false;
        }
        for (int i = 1; i < name.length(); i++) {
            char c = name.charAt(i);
            if (!(isLetterOrDigit(c) || c == '_')) {
                return false;
            }
        }
        return true;
    }

    private static boolean isLetter(char c) {
        return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
    }

    private static boolean isLetterOrDigit(char c) {
        return isLetter(c) || (c >= '0' && c <= '9');
    }

    /** A reading's time: from 2000-01-01 to 5 minutes after {@code now}. */
    public static Instant time(Instant ts, Instant now) throws Rejection {
        if (ts.isBefore(EARLIEST_TS)) {
            throw new Rejection("ts " + ts + " is before " + EARLIEST_TS + ": not a real reading time (clock not set?)");
        }
        if (ts.isAfter(now.plus(MAX_FUTURE))) {
            throw new Rejection("ts " + ts + " is more than " + MAX_FUTURE.toMinutes() + " minutes in the future");
        }
        return ts;
    }
}

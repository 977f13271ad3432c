package io.pulse.connectors.influxdb.write;

import com.influxdb.exceptions.InfluxException;

import java.io.IOException;
import java.util.regex.Pattern;

/**
 * What a failed write means for the sink: retry (the server is away, overloaded or slow) or give
 * up (it refused the request, and will refuse it again).
 *
 * <p>Retried: HTTP 5xx, 429 Too Many Requests, 408 Request Timeout, and no response at all
 * because of an I/O error (connection refused or reset, timeouts). Everything else, notably
 * 400 (a line it cannot parse), 401 (token), 403, 404 (org or bucket) and 413 (batch too
 * large), fails at once.
 *
 * @param status        HTTP status, 0 when there was no response
 * @param serverMessage the server's error message, or a description of the I/O error
 */
public record WriteFailure(int status, String serverMessage, boolean retryable) {

    private static final int MAX_MESSAGE = 500;
    private static final Pattern CLIENT_PREFIX = Pattern.compile("^HTTP status code: \\d+; Message: ");

    public static WriteFailure of(Throwable error) {
        int status = error instanceof InfluxException influx ? influx.status() : 0;
        if (status != 0) {
            return new WriteFailure(status, shorten(serverMessage(error.getMessage())), isRetryableStatus(status));
        }
        IOException io = ioCause(error);
        if (io != null) {
            return new WriteFailure(0, describe(io), true);
        }
        return new WriteFailure(0, describe(error), false);
    }

    public static boolean isRetryableStatus(int status) {
        return status >= 500 || status == 429 || status == 408;
    }

    /** {@code HTTP 400: message}, or the I/O error when there was no response. */
    public String summary() {
        if (status == 0) {
            return serverMessage;
        }
        return "HTTP " + status + (serverMessage == null || serverMessage.isBlank() ? "" : ": " + serverMessage);
    }

    /** What an operator should check, for the statuses that have one cause. */
    public String hint() {
        return switch (status) {
            case 400 -> "the server refused a line; check the point mapper";
            case 401 -> "check influx.token";
            case 403 -> "the token may not write to this bucket";
            case 404 -> "check influx.org and influx.bucket";
            case 413 -> "lower the sink's batch size";
            default -> "";
        };
    }

    /** The client (7.x) prefixes the server's message with the status, which the summary shows anyway. */
    private static String serverMessage(String clientMessage) {
        return clientMessage == null ? null : CLIENT_PREFIX.matcher(clientMessage).replaceFirst("");
    }

    private static IOException ioCause(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof IOException io) {
                return io;
            }
        }
        return null;
    }

    private static String describe(Throwable t) {
        String message = t.getMessage();
        return shorten(t.getClass().getSimpleName() + (message == null ? "" : ": " + message));
    }

    private static String shorten(String message) {
        if (message == null) {
            return null;
        }
        String oneLine = message.replaceAll("\\s+", " ").trim();
        return oneLine.length() <= MAX_MESSAGE ? oneLine : oneLine.substring(0, MAX_MESSAGE) + "...";
    }
}

package io.pulse.connectors.influxdb;

import java.io.IOException;

/**
 * A batch the server refused, or could not take within the retries. Failing the job is the
 * point: it restarts from its last checkpoint, and nothing written since was acknowledged.
 */
public final class InfluxWriteException extends IOException {

    private static final long serialVersionUID = 1L;

    private final String bucket;
    private final int status;

    public InfluxWriteException(String message, String bucket, int status, Throwable cause) {
        super(message, cause);
        this.bucket = bucket;
        this.status = status;
    }

    public String bucket() {
        return bucket;
    }

    /** The HTTP status of the last attempt, 0 when there was no response (connection refused, timeout). */
    public int status() {
        return status;
    }
}

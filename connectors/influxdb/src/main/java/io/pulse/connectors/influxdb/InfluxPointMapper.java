package io.pulse.connectors.influxdb;

import java.io.Serializable;
import java.util.List;

/**
 * Turns a record into the points to write: usually one, several when a record carries readings
 * of several measurements, none (an empty list or {@code null}) to skip it. Runs in the sink's
 * writer; an exception from it (for instance a point refusing a NaN) fails the job.
 */
@FunctionalInterface
public interface InfluxPointMapper<T> extends Serializable {

    Iterable<InfluxPoint> toPoints(T record);

    /** For streams that already carry points. */
    static InfluxPointMapper<InfluxPoint> identity() {
        return List::of;
    }
}

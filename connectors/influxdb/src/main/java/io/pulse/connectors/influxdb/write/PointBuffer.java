package io.pulse.connectors.influxdb.write;

import io.pulse.connectors.influxdb.InfluxPoint;
import io.pulse.connectors.influxdb.InfluxPrecision;
import io.pulse.connectors.influxdb.line.LineProtocol;

import java.util.ArrayList;
import java.util.List;

/**
 * Points waiting to be written, already rendered into request bodies of at most
 * {@code batchSize} lines, and when the oldest of them arrived (processing time, ms), so that a
 * batch goes out when it is full or when its first point has waited long enough.
 *
 * <p>Lines go straight into one reused {@link StringBuilder} per batch: no String per point, no
 * joining before the request. Used from the task thread only.
 */
public final class PointBuffer {

    /** One request body and the number of points (lines) in it. */
    public record Batch(String body, int points) {}

    private final int batchSize;
    private final long flushIntervalMillis;
    private final InfluxPrecision precision;
    private final List<Batch> sealed = new ArrayList<>();
    private final StringBuilder current = new StringBuilder();
    private int currentPoints;
    private int size;
    private long oldestAt = -1;

    public PointBuffer(int batchSize, long flushIntervalMillis, InfluxPrecision precision) {
        this.batchSize = batchSize;
        this.flushIntervalMillis = flushIntervalMillis;
        this.precision = precision;
    }

    /** Renders the point as a line of the current batch; a full batch is sealed first. */
    public void add(InfluxPoint point, long now) {
        if (currentPoints == batchSize) {
            sealed.add(new Batch(current.toString(), currentPoints));
            current.setLength(0);
            currentPoints = 0;
        }
        int before = current.length();
        try {
            if (currentPoints > 0) {
                current.append('\n');
            }
            LineProtocol.append(current, point, precision);
        } catch (RuntimeException e) {
            current.setLength(before); // never leave half a line behind
            throw e;
        }
        if (size == 0) {
            oldestAt = now;
        }
        currentPoints++;
        size++;
    }

    public int size() {
        return size;
    }

    public boolean isEmpty() {
        return size == 0;
    }

    /** Full, or the oldest point has waited a flush interval. */
    public boolean isDue(long now) {
        return size >= batchSize || (size > 0 && now - oldestAt >= flushIntervalMillis);
    }

    /** When the oldest point will have waited a flush interval; only meaningful when not empty. */
    public long dueAt() {
        return oldestAt + flushIntervalMillis;
    }

    /** The buffered points as request bodies, oldest first. */
    public List<Batch> batches() {
        List<Batch> batches = new ArrayList<>(sealed);
        if (currentPoints > 0) {
            batches.add(new Batch(current.toString(), currentPoints));
        }
        return batches;
    }

    /** {@link #batches()}, and the buffer is empty again. */
    public List<Batch> drain() {
        List<Batch> batches = batches();
        clear();
        return batches;
    }

    /** Empties the buffer; the batch builder keeps its capacity for the next batches. */
    public void clear() {
        sealed.clear();
        current.setLength(0);
        currentPoints = 0;
        size = 0;
        oldestAt = -1;
    }
}

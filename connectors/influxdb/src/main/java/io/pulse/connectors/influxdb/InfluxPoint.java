package io.pulse.connectors.influxdb;

import java.io.Serializable;
import java.time.Instant;
import java.util.Collections;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * One InfluxDB point: measurement, tags, fields and a timestamp with its precision.
 *
 * <p>Identity: InfluxDB keeps one point per measurement + tag set + timestamp; writing it again
 * overwrites its fields. That is what makes the sink idempotent, so a timestamp is required (a
 * point without one would get the server's clock and become a new point on every replay).
 * Tags are for low-cardinality identifiers (device, gate, meter); measured values are fields.
 *
 * <p>Names and values are checked here, where the mapper that made them is on the stack, rather
 * than by the server after a batch was sent. Tags and fields are kept sorted by key, as InfluxDB
 * recommends, so the same point always renders to the same line.
 *
 * <pre>{@code
 * InfluxPoint.builder("readings")
 *         .tag("device", "d1")
 *         .field("temperature", 21.5)
 *         .field("battery", 87L)
 *         .time(1700000000000L, InfluxPrecision.MILLISECONDS)
 *         .build();
 * }</pre>
 */
public final class InfluxPoint implements Serializable {

    private static final long serialVersionUID = 1L;

    private final String measurement;
    // the builder's, handed over; plain arrays inside, which Flink's Kryo fallback copies without fuss
    private final SortedEntries tags;
    private final SortedEntries fields;
    private final long timestamp;
    private final InfluxPrecision precision;

    private InfluxPoint(Builder builder) {
        this.measurement = builder.measurement;
        this.tags = builder.tags;
        this.fields = builder.fields;
        this.timestamp = builder.timestamp;
        this.precision = builder.precision;
    }

    public static Builder builder(String measurement) {
        return new Builder(measurement);
    }

    public String measurement() {
        return measurement;
    }

    public int tagCount() {
        return tags.size();
    }

    /** Key of the {@code i}-th tag in key order. */
    public String tagKey(int i) {
        return tags.key(i);
    }

    public String tagValue(int i) {
        return (String) tags.value(i);
    }

    public int fieldCount() {
        return fields.size();
    }

    /** Key of the {@code i}-th field in key order. */
    public String fieldKey(int i) {
        return fields.key(i);
    }

    /** A {@link Double}, {@link Long}, {@link Boolean} or {@link String}. */
    public Object fieldValue(int i) {
        return fields.value(i);
    }

    /** The tags as a sorted map (a copy). */
    public SortedMap<String, String> tags() {
        SortedMap<String, String> map = new TreeMap<>();
        for (int i = 0; i < tags.size(); i++) {
            map.put(tags.key(i), (String) tags.value(i));
        }
        return Collections.unmodifiableSortedMap(map);
    }

    /** The fields as a sorted map (a copy). */
    public SortedMap<String, Object> fields() {
        SortedMap<String, Object> map = new TreeMap<>();
        for (int i = 0; i < fields.size(); i++) {
            map.put(fields.key(i), fields.value(i));
        }
        return Collections.unmodifiableSortedMap(map);
    }

    public long timestamp() {
        return timestamp;
    }

    public InfluxPrecision precision() {
        return precision;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof InfluxPoint p && timestamp == p.timestamp && precision == p.precision
                && measurement.equals(p.measurement) && tags.equals(p.tags) && fields.equals(p.fields);
    }

    @Override
    public int hashCode() {
        return Objects.hash(measurement, tags, fields, timestamp, precision);
    }

    @Override
    public String toString() {
        return measurement + tags() + fields() + "@" + timestamp + precision.wireName();
    }

    /** Collects one point; {@link #build()} checks that it has a field and a timestamp. One use only. */
    public static final class Builder {

        private final String measurement;
        private final SortedEntries tags = new SortedEntries();
        private final SortedEntries fields = new SortedEntries();
        private boolean built;
        private long timestamp;
        private InfluxPrecision precision;

        private Builder(String measurement) {
            this.measurement = checkName("measurement", measurement);
        }

        /** A tag; a later call with the same key replaces the value. Values must not be empty. */
        public Builder tag(String key, String value) {
            checkNotBuilt();
            checkKey("tag key", key);
            tags.put(key, checkName("value of tag '" + key + "'", value));
            return this;
        }

        /** A float field. NaN and infinities are refused: line protocol cannot carry them. */
        public Builder field(String key, double value) {
            if (!Double.isFinite(value)) {
                throw new IllegalArgumentException("field '" + key + "' of measurement '" + measurement
                        + "' is " + value + ": InfluxDB line protocol has no NaN or infinity; leave the field out");
            }
            return put(key, value);
        }

        /**
         * An integer field ({@code 42i} on the wire). InfluxDB fixes a field's type on its first
         * write in a shard: keep writing a field as integer or as float, never both.
         */
        public Builder field(String key, long value) {
            return put(key, value);
        }

        public Builder field(String key, boolean value) {
            return put(key, value);
        }

        public Builder field(String key, String value) {
            return put(key, checkText("value of field '" + key + "'", Objects.requireNonNull(value,
                    () -> "value of field '" + key + "' of measurement '" + measurement + "' is null")));
        }

        public Builder time(long timestamp, InfluxPrecision precision) {
            this.timestamp = timestamp;
            this.precision = Objects.requireNonNull(precision, "precision");
            return this;
        }

        /** The instant in nanoseconds (valid until the year 2262). */
        public Builder time(Instant instant) {
            long nanos = Math.addExact(Math.multiplyExact(instant.getEpochSecond(), 1_000_000_000L), instant.getNano());
            return time(nanos, InfluxPrecision.NANOSECONDS);
        }

        public InfluxPoint build() {
            checkNotBuilt();
            if (fields.size() == 0) {
                throw new IllegalArgumentException("point of measurement '" + measurement + "' has no field: "
                        + "InfluxDB stores nothing without one");
            }
            if (precision == null) {
                throw new IllegalArgumentException("point of measurement '" + measurement + "' has no timestamp: "
                        + "without one the server uses its clock and a replayed record becomes a second point");
            }
            built = true; // the point takes over the tags and fields: no copies per point
            return new InfluxPoint(this);
        }

        private void checkNotBuilt() {
            if (built) {
                throw new IllegalStateException("point of measurement '" + measurement + "' was already built; "
                        + "use a new builder per point");
            }
        }

        private Builder put(String key, Object value) {
            checkNotBuilt();
            checkKey("field key", key);
            fields.put(key, value);
            return this;
        }

        private void checkKey(String what, String key) {
            checkName(what, key);
            if (isReserved(key)) {
                throw new IllegalArgumentException(what + " '" + key + "' of measurement '" + measurement
                        + "' is reserved by InfluxDB");
            }
        }
    }

    /** InfluxDB 2's own columns; tested without a set lookup, as this runs for every key of every point. */
    private static boolean isReserved(String key) {
        if (key.charAt(0) == '_') {
            return key.equals("_measurement") || key.equals("_field") || key.equals("_time") || key.equals("_value");
        }
        return key.equals("time");
    }

    /** Non-empty, one line, and no trailing backslash (it would escape the separator after it). */
    private static String checkName(String what, String name) {
        if (name == null || name.isEmpty()) {
            throw new IllegalArgumentException(what + " must not be empty");
        }
        checkText(what, name);
        if (name.charAt(name.length() - 1) == '\\') {
            throw new IllegalArgumentException(what + " '" + name + "' ends with a backslash, "
                    + "which line protocol would read as escaping the next separator");
        }
        return name;
    }

    /** Line protocol has no escape for line breaks: one would end the line. */
    private static String checkText(String what, String text) {
        if (text.indexOf('\n') >= 0 || text.indexOf('\r') >= 0) {
            throw new IllegalArgumentException(what + " contains a line break, which line protocol cannot carry");
        }
        return text;
    }
}

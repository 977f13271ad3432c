package io.pulse.connectors.influxdb;

/**
 * Timestamp precision of a point and of the write API's {@code precision} parameter.
 * Conversions are exact or fail: a timestamp is never silently clamped.
 */
public enum InfluxPrecision {
    SECONDS("s", 1_000_000_000L),
    MILLISECONDS("ms", 1_000_000L),
    MICROSECONDS("us", 1_000L),
    NANOSECONDS("ns", 1L);

    private final String wireName;
    private final long nanosPerUnit;

    InfluxPrecision(String wireName, long nanosPerUnit) {
        this.wireName = wireName;
        this.nanosPerUnit = nanosPerUnit;
    }

    /** The value of the write API's {@code precision} query parameter. */
    public String wireName() {
        return wireName;
    }

    /**
     * {@code timestamp} (in {@code from} units) in this precision. Finer to coarser rounds down
     * (floor, also before 1970), so points that differ only below this precision land on the same
     * timestamp and overwrite each other. Coarser to finer fails if the result does not fit a long.
     */
    public long convert(long timestamp, InfluxPrecision from) {
        if (from.nanosPerUnit == nanosPerUnit) {
            return timestamp;
        }
        if (from.nanosPerUnit > nanosPerUnit) {
            try {
                return Math.multiplyExact(timestamp, from.nanosPerUnit / nanosPerUnit);
            } catch (ArithmeticException e) {
                throw new IllegalArgumentException("timestamp " + timestamp + " " + from.wireName
                        + " does not fit in a long as " + wireName);
            }
        }
        return Math.floorDiv(timestamp, nanosPerUnit / from.nanosPerUnit);
    }
}

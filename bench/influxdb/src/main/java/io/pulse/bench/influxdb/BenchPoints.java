package io.pulse.bench.influxdb;

import io.pulse.connectors.influxdb.InfluxPoint;
import io.pulse.connectors.influxdb.InfluxPointMapper;
import io.pulse.connectors.influxdb.InfluxPrecision;
import io.pulse.connectors.influxdb.line.LineProtocol;

import java.util.List;

/**
 * The workload both sides write: point i is a meter reading with two tags and two fields,
 * {@code bench,meter=m<i%100>,site=s<i%5> energy=<i>i,power=<..> <tsBase+i>} (ms), 100 meters.
 * The tag values exist as strings already, as a device id parsed from a message does. The raw
 * side renders the very same bytes by hand; {@link #checkSameLines} proves it.
 */
final class BenchPoints {

    static final String MEASUREMENT = "bench";
    private static final String[] METERS = names("m", 100);
    private static final String[] SITES = names("s", 5);

    private BenchPoints() {}

    static InfluxPoint point(long i, long tsBase) {
        return InfluxPoint.builder(MEASUREMENT)
                .tag("meter", METERS[(int) (i % 100)])
                .tag("site", SITES[(int) (i % 5)])
                .field("energy", i)
                .field("power", (i % 1_000) * 0.5)
                .time(tsBase + i, InfluxPrecision.MILLISECONDS)
                .build();
    }

    /** What a hand-written client would do: append the line, no objects, no escaping needed. */
    static void appendRawLine(StringBuilder out, long i, long tsBase) {
        out.append(MEASUREMENT).append(",meter=").append(METERS[(int) (i % 100)])
                .append(",site=").append(SITES[(int) (i % 5)])
                .append(" energy=").append(i).append("i,power=").append((i % 1_000) * 0.5)
                .append(' ').append(tsBase + i);
    }

    private static String[] names(String prefix, int count) {
        String[] names = new String[count];
        for (int i = 0; i < count; i++) {
            names[i] = prefix + i;
        }
        return names;
    }

    static void checkSameLines() {
        for (long i : List.of(0L, 1L, 99L, 12_345L, 999_999L)) {
            StringBuilder raw = new StringBuilder();
            appendRawLine(raw, i, 1_700_000_000_000L);
            String sink = LineProtocol.render(point(i, 1_700_000_000_000L), InfluxPrecision.MILLISECONDS);
            if (!sink.contentEquals(raw)) {
                throw new IllegalStateException("the two sides would write different lines:\n" + sink + "\n" + raw);
            }
        }
    }

    /** The sink's mapper for one round; a class, so the round's time base travels with it. */
    static final class Mapper implements InfluxPointMapper<Long> {

        private static final long serialVersionUID = 1L;
        private final long tsBase;

        Mapper(long tsBase) {
            this.tsBase = tsBase;
        }

        @Override
        public Iterable<InfluxPoint> toPoints(Long i) {
            return List.of(point(i, tsBase));
        }
    }
}

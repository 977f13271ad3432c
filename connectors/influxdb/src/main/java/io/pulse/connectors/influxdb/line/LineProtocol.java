package io.pulse.connectors.influxdb.line;

import io.pulse.connectors.influxdb.InfluxPoint;
import io.pulse.connectors.influxdb.InfluxPrecision;

/**
 * Renders points as InfluxDB line protocol:
 * {@code measurement,tag=value,tag=value field=1.5,count=3i,ok=true,note="text" 1700000000000}.
 *
 * <p>Escaping, per element (a backslash before the character):
 * <ul>
 *   <li>measurement: comma, space</li>
 *   <li>tag keys, tag values, field keys: comma, equals sign, space</li>
 *   <li>string field values (inside double quotes): double quote, backslash</li>
 * </ul>
 * Tags and fields come sorted by key from {@link InfluxPoint}, so a point always renders to the
 * same bytes. Written by hand rather than with the client's {@code Point}: the escaping rules are
 * then visible and tested here, and lines go straight into the batch's {@link StringBuilder}.
 */
public final class LineProtocol {

    private LineProtocol() {}

    /** One line, without the trailing newline, the timestamp converted to {@code precision}. */
    public static String render(InfluxPoint point, InfluxPrecision precision) {
        StringBuilder line = new StringBuilder(64);
        append(line, point, precision);
        return line.toString();
    }

    /** Appends one line without a newline; fails before appending anything if the timestamp does not convert. */
    public static void append(StringBuilder out, InfluxPoint point, InfluxPrecision precision) {
        long timestamp = precision.convert(point.timestamp(), point.precision());
        escape(out, point.measurement(), false);
        for (int i = 0; i < point.tagCount(); i++) {
            out.append(',');
            escape(out, point.tagKey(i), true);
            out.append('=');
            escape(out, point.tagValue(i), true);
        }
        for (int i = 0; i < point.fieldCount(); i++) {
            out.append(i == 0 ? ' ' : ',');
            escape(out, point.fieldKey(i), true);
            out.append('=');
            appendFieldValue(out, point.fieldValue(i));
        }
        out.append(' ').append(timestamp);
    }

    /** Measurement ({@code equalsSign} false) or tag key, tag value, field key (true). */
    static void escape(StringBuilder out, String name, boolean equalsSign) {
        int first = firstToEscape(name, equalsSign);
        if (first < 0) {
            out.append(name); // the usual case, appended in one piece
            return;
        }
        out.append(name, 0, first);
        for (int i = first; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c == ',' || c == ' ' || (equalsSign && c == '=')) {
                out.append('\\');
            }
            out.append(c);
        }
    }

    private static int firstToEscape(String name, boolean equalsSign) {
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c == ',' || c == ' ' || (equalsSign && c == '=')) {
                return i;
            }
        }
        return -1;
    }

    static void appendFieldValue(StringBuilder out, Object value) {
        if (value instanceof Double d) {
            // Double.toString is the shortest exact form ("21.5", "1.0E-5"); line protocol parsers
            // (InfluxDB's, VictoriaMetrics') accept the exponent.
            out.append(d.doubleValue());
        } else if (value instanceof Long l) {
            out.append(l.longValue()).append('i');
        } else if (value instanceof Boolean b) {
            out.append(b.booleanValue());
        } else if (value instanceof String s) {
            out.append('"');
            if (s.indexOf('"') < 0 && s.indexOf('\\') < 0) {
                out.append(s);
            } else {
                for (int i = 0; i < s.length(); i++) {
                    char c = s.charAt(i);
                    if (c == '"' || c == '\\') {
                        out.append('\\');
                    }
                    out.append(c);
                }
            }
            out.append('"');
        } else {
            throw new IllegalArgumentException("unsupported field value " + value + " ("
                    + (value == null ? "null" : value.getClass().getName()) + ")");
        }
    }
}

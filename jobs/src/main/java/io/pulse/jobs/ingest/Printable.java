package io.pulse.jobs.ingest;

/**
 * Text that came from a device made safe to store and show: control characters escaped as
 * {@code \\uXXXX} (a NUL or ESC in a reason must not reach a terminal or a dashboard), and cut.
 */
public final class Printable {

    private Printable() {}

    public static String escape(String text) {
        StringBuilder sb = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean control = c < 0x20 || (c >= 0x7f && c <= 0x9f) || c == 0x2028 || c == 0x2029;
            if (control && sb == null) {
                sb = new StringBuilder(text.length() + 16).append(text, 0, i);
            }
            if (sb != null) {
                if (control) {
                    sb.append(String.format("\\u%04x", (int) c));
                } else {
                    sb.append(c);
                }
            }
        }
        return sb == null ? text : sb.toString();
    }

    /** At most {@code max} characters, escaped, with "..." when cut. */
    public static String abbreviate(String text, int max) {
        String escaped = escape(text);
        return escaped.length() <= max ? escaped : escaped.substring(0, Math.max(0, max - 3)) + "...";
    }
}

package io.pulse.jobs.movement.ingest;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Raw MAC addresses as scanners send them: {@code A4:5E:60:12:34:56}, any case, {@code :} or
 * {@code -} separators, or 12 bare hex digits. Normalizes them for the pseudonym and masks them
 * wherever text could be stored or logged.
 */
public final class MacAddress {

    /** A separator between octets: {@code : - .}, also JSON-escaped ({@code \u003a}). */
    private static final String SEPARATOR = "(?:[:.-]|\\\\u003a|\\\\u002d|\\\\u002e)";
    /**
     * A MAC in any notation a payload may carry, not embedded in a longer run of hex digits (a
     * 64-hex pseudonym is not a MAC): pairs with a separator, Cisco's {@code a45e.6012.3456}, or
     * 12 bare hex digits.
     */
    private static final Pattern ANY = Pattern.compile("(?i)(?<![0-9a-f])(?:[0-9a-f]{2}(?:" + SEPARATOR + "[0-9a-f]{2}){5}"
            + "|[0-9a-f]{4}(?:\\.|\\\\u002e)[0-9a-f]{4}(?:\\.|\\\\u002e)[0-9a-f]{4}|[0-9a-f]{12})(?![0-9a-f])");
    private static final Pattern ONE = Pattern.compile(
            "(?i)[0-9a-f]{2}(?::[0-9a-f]{2}){5}|[0-9a-f]{2}(?:-[0-9a-f]{2}){5}|[0-9a-f]{12}");
    public static final String MASK = "**:**:**:**:**:**";

    private MacAddress() {}

    /** The MAC lowercase and colon-separated, or null when {@code text} is not a MAC. */
    public static String normalize(String text) {
        if (text == null || !ONE.matcher(text).matches()) {
            return null;
        }
        String hex = text.replaceAll("[:-]", "").toLowerCase(Locale.ROOT);
        StringBuilder sb = new StringBuilder(17);
        for (int i = 0; i < 12; i += 2) {
            if (i > 0) {
                sb.append(':');
            }
            sb.append(hex, i, i + 2);
        }
        return sb.toString();
    }

    /** Locally administered (bit 0x02 of the first octet): phones set it on randomized MACs. */
    public static boolean locallyAdministered(String normalized) {
        return (Integer.parseInt(normalized.substring(0, 2), 16) & 0x02) != 0;
    }

    /** {@code text} with every MAC, in any notation, replaced by {@link #MASK}. */
    public static String mask(String text) {
        Matcher m = ANY.matcher(text);
        return m.find() ? m.replaceAll(MASK) : text;
    }

    /** Whether {@code text} contains anything that looks like a raw MAC. */
    public static boolean containsMac(String text) {
        return ANY.matcher(text).find();
    }
}

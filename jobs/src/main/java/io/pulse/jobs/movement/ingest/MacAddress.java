package io.pulse.jobs.movement.ingest;

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
    public static final String MASK = "**:**:**:**:**:**";

    private MacAddress() {}

    /**
     * The MAC lowercase and colon-separated, or null when {@code text} is not a MAC: six hex pairs
     * separated by {@code :} throughout or {@code -} throughout, or 12 bare hex digits. A loop, not
     * a regular expression: it runs for every sighting on the reader's one thread.
     */
    public static String normalize(String text) {
        if (text == null) {
            return null;
        }
        int length = text.length();
        char separator;
        if (length == 12) {
            separator = 0;
        } else if (length == 17 && (text.charAt(2) == ':' || text.charAt(2) == '-')) {
            separator = text.charAt(2);
        } else {
            return null;
        }
        char[] out = new char[17];
        int at = 0;
        for (int octet = 0; octet < 6; octet++) {
            int i = separator == 0 ? octet * 2 : octet * 3;
            if (octet > 0 && separator != 0 && text.charAt(i - 1) != separator) {
                return null;
            }
            char high = Character.toLowerCase(text.charAt(i));
            char low = Character.toLowerCase(text.charAt(i + 1));
            if (!isHex(high) || !isHex(low)) {
                return null;
            }
            if (octet > 0) {
                out[at++] = ':';
            }
            out[at++] = high;
            out[at++] = low;
        }
        return new String(out);
    }

    private static boolean isHex(char c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f');
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

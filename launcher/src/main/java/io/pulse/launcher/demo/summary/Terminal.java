package io.pulse.launcher.demo.summary;

import java.io.Console;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Whether the summary goes to a terminal that can redraw it in place, and how wide it is. Java
 * has a console only when both standard input and output are a terminal; {@code TERM=dumb} (Emacs
 * shells, some CI logs) or no {@code TERM} at all cannot move the cursor.
 */
public final class Terminal {
    private Terminal() {
    }

    public static boolean canRedraw(Console console, Map<String, String> env) {
        String term = env.get("TERM");
        return console != null && term != null && !term.isBlank() && !term.equals("dumb");
    }

    /** This process's standard output. */
    public static boolean canRedraw() {
        return canRedraw(System.console(), System.getenv());
    }

    /** A terminal's size in characters. */
    public record Size(int rows, int columns) {
        static final Size DEFAULT = new Size(40, 100);
    }

    /** The terminal's size from {@code stty size}, else {@code LINES} and {@code COLUMNS}, else 40 x 100. */
    public static Size size() {
        try {
            Process stty = new ProcessBuilder("stty", "size").redirectInput(new File("/dev/tty"))
                    .redirectError(ProcessBuilder.Redirect.DISCARD).start();
            String size = new String(stty.getInputStream().readAllBytes(), StandardCharsets.US_ASCII).trim();
            if (stty.waitFor(2, TimeUnit.SECONDS) && size.matches("\\d+ \\d+")) {
                String[] rc = size.split(" ");
                return sane(Integer.parseInt(rc[0]), Integer.parseInt(rc[1]));
            }
        } catch (Exception | Error e) {
            // no stty or no /dev/tty
        }
        return sane(number(System.getenv("LINES")), number(System.getenv("COLUMNS")));
    }

    private static int number(String s) {
        return s != null && s.matches("\\d{1,4}") ? Integer.parseInt(s) : 0;
    }

    private static Size sane(int rows, int columns) {
        return new Size(rows >= 10 ? rows : Size.DEFAULT.rows(), columns >= 40 ? columns : Size.DEFAULT.columns());
    }
}

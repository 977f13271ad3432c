package io.pulse.launcher.demo.summary;

import java.io.PrintStream;
import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;

/** Where the summary goes: a terminal that redraws it in place, or plain lines of what changed. */
public interface SummaryOutput {

    /** Shows this snapshot. */
    void show(Snapshot snapshot);

    /** A terminal: the block is redrawn over the previous one (cursor up, clear to the end). */
    static SummaryOutput redrawn(PrintStream out, Supplier<Terminal.Size> size, Duration every) {
        return new SummaryOutput() {
            private int previousLines;

            @Override
            public void show(Snapshot snapshot) {
                Terminal.Size terminal = size.get();
                List<String> lines = SummaryFormat.screen(snapshot, terminal.columns() - 1, every);
                if (lines.size() > terminal.rows() - 1) { // a taller block could not be redrawn in place
                    lines = lines.subList(0, terminal.rows() - 1);
                }
                out.print(redraw(previousLines, lines));
                out.flush();
                previousLines = lines.size();
            }
        };
    }

    /** Output that is not a terminal: only the lines of what changed, see {@link PlainLog}. */
    static SummaryOutput plain(PrintStream out) {
        PlainLog log = new PlainLog();
        return snapshot -> {
            List<String> lines = log.next(snapshot);
            if (!lines.isEmpty()) {
                lines.forEach(out::println);
                out.flush();
            }
        };
    }

    /**
     * The characters that replace a block of {@code previousLines} lines, just printed and ending
     * with a line break, by {@code lines}: back to its first line, clear to the end of the screen,
     * the new lines.
     */
    static String redraw(int previousLines, List<String> lines) {
        StringBuilder sb = new StringBuilder();
        if (previousLines > 0) {
            sb.append("\033[").append(previousLines).append('F'); // to the start of the line N lines up
        }
        sb.append("\033[J"); // clear from there to the end of the screen
        for (String line : lines) {
            sb.append(line).append('\n');
        }
        return sb.toString();
    }
}

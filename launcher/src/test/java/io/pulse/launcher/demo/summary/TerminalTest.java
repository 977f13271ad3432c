package io.pulse.launcher.demo.summary;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class TerminalTest {

    @Test
    void withoutAConsoleThereIsNothingToRedraw() {
        // the test's output is not a terminal: no console
        assertThat(Terminal.canRedraw(null, Map.of("TERM", "xterm-256color"))).isFalse();
    }

    @Test
    void aDumbOrUnknownTerminalCannotMoveTheCursor() {
        assertThat(Terminal.canRedraw(System.console(), Map.of("TERM", "dumb"))).isFalse();
        assertThat(Terminal.canRedraw(System.console(), Map.of())).isFalse();
    }

    @Test
    void itsSizeIsAlwaysUsable() {
        Terminal.Size size = Terminal.size();
        assertThat(size.rows()).isGreaterThanOrEqualTo(10);
        assertThat(size.columns()).isGreaterThanOrEqualTo(40);
    }
}

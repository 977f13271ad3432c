package io.pulse.launcher.demo.summary;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class SummaryOutputTest {
    private static final Instant T = Instant.parse("2026-03-02T08:00:00Z");

    @Test
    void aRedrawGoesBackOverThePreviousBlockAndClearsItFirst() {
        assertThat(SummaryOutput.redraw(0, List.of("a", "b"))).isEqualTo("\033[Ja\nb\n");
        assertThat(SummaryOutput.redraw(2, List.of("a", "b", "c"))).isEqualTo("\033[2F\033[Ja\nb\nc\n");
    }

    @Test
    void onATerminalTheBlockIsRedrawnInPlaceAndFitsItsSize() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        SummaryOutput output = SummaryOutput.redrawn(new PrintStream(bytes, true, StandardCharsets.UTF_8),
                () -> new Terminal.Size(6, 60), Duration.ofSeconds(5));
        Snapshot snapshot = new Snapshot(T, List.of(DeviceLine.waiting("a", null, null),
                DeviceLine.waiting("b", null, null), DeviceLine.waiting("c", null, null)), List.of(), null, null);

        output.show(snapshot);
        String first = bytes.toString(StandardCharsets.UTF_8);
        output.show(snapshot);
        String second = bytes.toString(StandardCharsets.UTF_8).substring(first.length());

        assertThat(first).startsWith("\033[J").contains("DEVICES").doesNotContain("\033[5F");
        assertThat(first.split("\n")).hasSize(5); // the terminal's 6 rows, less one for the cursor
        assertThat(second).startsWith("\033[5F\033[J");
        assertThat(first.lines()).allMatch(line -> line.replace("\033[J", "").length() <= 59);
    }

    @Test
    void elsewhereOnlyWhatChangedIsPrinted() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        SummaryOutput output = SummaryOutput.plain(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        Snapshot snapshot = new Snapshot(T, List.of(DeviceLine.waiting("a", null, null)), List.of(), null, null);

        output.show(snapshot);
        int once = bytes.size();
        output.show(snapshot);

        assertThat(bytes.size()).isEqualTo(once);
        assertThat(bytes.toString(StandardCharsets.UTF_8)).doesNotContain("\033[");
    }
}

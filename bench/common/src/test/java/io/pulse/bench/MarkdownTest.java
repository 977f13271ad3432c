package io.pulse.bench;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class MarkdownTest {

    @Test
    void statsTakeTheMiddleOrTheMeanOfTheTwoMiddleRounds() {
        assertThat(Stats.of(List.of(3.0, 1.0, 2.0))).isEqualTo(new Stats(1, 2, 3));
        assertThat(Stats.of(List.of(4.0, 1.0, 2.0, 3.0))).isEqualTo(new Stats(1, 2.5, 4));
    }

    @Test
    void rowsHaveTheReportsShape() {
        assertThat(Markdown.row("(b) ceiling", new Stats(724_859, 730_919.4, 924_210)))
                .isEqualTo(String.format("| (b) ceiling | 724,859 | 730,919 | 924,210 |%n"));
        assertThat(Markdown.ratioRow("(a) / (b), medians", 0.8798))
                .isEqualTo(String.format("| (a) / (b), medians | | **88 %%** | |%n"));
        assertThat(Markdown.perRound(List.of(595_948.0, 579_374.0), List.of(729_362.0, 730_919.0)))
                .isEqualTo("595,948 / 729,362; 579,374 / 730,919");
    }

    @Test
    void machineListsItsItemsAroundTheCallersOnes() {
        String md = Machine.describe(List.of("load: x"), List.of("Server: 1.0"));
        assertThat(md.lines().map(l -> l.substring(2, l.indexOf(':'))).toList())
                .containsExactly("date", "cores (`nproc`)", "CPU", "RAM", "load", "OS", "Java", "Server");
        assertThat(Machine.loadAverage(3).split(" ")).hasSize(3);
        assertThat(CpuShare.now().othersSince()).isGreaterThanOrEqualTo(0);
    }
}

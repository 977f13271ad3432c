package io.pulse.bench;

import org.junit.jupiter.api.Test;

import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The report pieces the job benchmarks share, in the shape their results files had before. */
class JobReportPiecesTest {

    enum Side { JOB, HARNESS }

    @Test
    void sinkOutputsGiveARangeOnlyWhereTheRoundsDiffered() {
        List<Map<String, Long>> rounds = List.of(
                Map.of("mysql: alerts", 381L, "influxdb: telemetry", 99_939L),
                Map.of("mysql: alerts", 381L, "influxdb: telemetry", 99_941L));
        assertThat(Markdown.sinkOutputs(rounds)).isEqualTo("influxdb: telemetry 99,939–99,941, mysql: alerts 381");
    }

    @Test
    void sidesTableHasARowPerSideInOrderThenTheRatioOfMedians() {
        Map<Side, List<Double>> measured = new EnumMap<>(Side.class);
        measured.put(Side.HARNESS, List.of(200.0, 100.0, 300.0));
        measured.put(Side.JOB, List.of(50.0, 150.0, 100.0));
        assertThat(Markdown.sidesTable(measured, side -> "(" + side + ")", Side.JOB, Side.HARNESS)).isEqualTo(
                Markdown.TABLE_HEADER
                        + Markdown.row("(JOB)", new Stats(50, 100, 150))
                        + Markdown.row("(HARNESS)", new Stats(100, 200, 300))
                        + Markdown.ratioRow("(a) / (b), medians", 0.5));
    }

    @Test
    void growthTableLeavesOutStatelessOperatorsAndDividesTheGrowthByN() {
        Map<String, Long> small = new LinkedHashMap<>();
        small.put("Source: readings", 0L);
        small.put("dedup | scorer", 1_000L);
        Map<String, Long> large = new LinkedHashMap<>(Map.of("Source: readings", 0L));
        large.put("dedup | scorer", 3_000L);
        String table = CheckpointSize.growthTable(new CheckpointSize.Checkpoint(1_000, small),
                new CheckpointSize.Checkpoint(3_000, large), 1_000, "devices", "device");
        assertThat(table).isEqualTo("| operator | bytes at 1,000 devices | bytes at 2,000 devices | per device |\n"
                + "|---|---:|---:|---:|\n"
                + String.format("| dedup / scorer | 1,000 | 3,000 | 2 |%n"));
    }

    @Test
    void theMachineCountsAsSharedWhenAnyRoundOfAnyListWasBusy() {
        assertThat(CpuShare.shared(List.of(0.1, 0.2), List.of(0.0))).isFalse();
        assertThat(CpuShare.shared(List.of(0.1), List.of(0.0, 0.5))).isTrue();
    }
}

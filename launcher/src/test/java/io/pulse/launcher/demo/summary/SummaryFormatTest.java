package io.pulse.launcher.demo.summary;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class SummaryFormatTest {
    private static final Instant T = Instant.parse("2026-03-02T08:00:00Z");

    @Test
    void countsDevicesOnlineAndOpenAlertsAndListsEachDevice() {
        String text = SummaryFormat.format(T, List.of(
                new DeviceLine("lab-a-01", "Lab A climate", true, 100, 0, T),
                new DeviceLine("workshop-04", null, false, 50, 2, T)), List.of());

        assertThat(text).contains("2 devices, 1 online, 2 open alerts")
                .containsPattern("lab-a-01 +Lab A climate +yes +100 +0")
                .containsPattern("workshop-04 +- +NO +50 +2");
    }

    @Test
    void showsEachMetersLatestWindowInKilowatts() {
        String text = SummaryFormat.format(T, List.of(), List.of(), java.util.Map.of("main-incomer", 12_345.0), List.of(
                new MeterLine("main-incomer", T, 1000.0, 12_000.0, 0.5, 30),
                new MeterLine("lab-2-freezer", T, 0.0, null, 0.0, 1)), CampusLine.NONE);

        assertThat(text).contains("power now: main-incomer 12.35 kW").containsPattern("main-incomer +\\S+ +1\\.000 +12\\.00 +50% +30")
                .containsPattern("lab-2-freezer +\\S+ +0\\.000 +- +0% +1");
    }

    @Test
    void showsPeopleInsidePerGateAndTheLastCrossingsWithRollNumbers() {
        String text = SummaryFormat.format(T, List.of(), List.of(), java.util.Map.of(), List.of(), new CampusLine(
                new java.util.TreeMap<>(java.util.Map.of("*", 12, "main", 7, "north", 5)),
                List.of(new CampusLine.Crossing(T, "ENTRY", "main", "CS21B042"),
                        new CampusLine.Crossing(T, "EXIT", "north", null))));

        assertThat(text).contains("campus: 12 inside, main 7, north 5")
                .containsPattern("ENTRY CS21B042 at main")
                .containsPattern("EXIT +\\(not on the roster\\) at north");
    }

    @Test
    void showsOpenedAlertsWithTheirMessageAndResolvedOnesWithTheirSpan() {
        String text = SummaryFormat.format(T, List.of(), List.of(
                new AlertLine("r1", "OVERHEAT", "HIGH", T, null, "Temperature on R1 is high."),
                new AlertLine("r2", "OFFLINE", "HIGH", T, T.plusSeconds(30), "r2 is silent.")));

        assertThat(text).contains("0 devices, 0 online, 0 open alerts")
                .doesNotContain("device        name")
                .contains("ALERT HIGH OVERHEAT on r1 at ").contains(": Temperature on R1 is high.")
                .contains("resolved OFFLINE on r2 at ").contains("(open since ");
    }
}

package io.pulse.launcher.demo.summary;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class SummaryFormatTest {
    private static final Instant T = Instant.parse("2026-03-02T08:00:00Z");
    private static final Duration EVERY = Duration.ofSeconds(5);

    private static String screen(List<DeviceLine> devices, List<AlertLine> alerts, List<MeterLine> meters,
                                 CampusLine campus) {
        return SummaryFormat.text(SummaryFormat.screen(new Snapshot(T, devices, alerts, meters, campus), 120, EVERY));
    }

    @Test
    void listsEachDeviceWithNamePlaceHealthAndHowOldItsLastStoredReadingIs() {
        String text = screen(List.of(
                DeviceLine.reporting("lab-a-01", "Lab A climate", "Lab A", true, 100, 0, T.minusSeconds(15)),
                DeviceLine.reporting("workshop-04", null, null, false, 50, 2, T.minusSeconds(200))), List.of(), null, null);

        assertThat(text).contains("DEVICES  2 registered, 1 online, 2 open alerts")
                .containsPattern("lab-a-01 +Lab A climate +Lab A +yes +100 +0 +\\d\\d:\\d\\d:\\d\\d, 15 s ago")
                .containsPattern("workshop-04 +- +- +NO +50 +2 +\\S+, 3 min ago");
    }

    @Test
    void saysWhatItWaitsForBeforeAnyDeviceHasAStoredReadingNeverZeroDevices() {
        String text = screen(List.of(DeviceLine.waiting("lab-a-01", "Lab A climate", "Lab A")), List.of(), List.of(),
                CampusLine.NONE);

        assertThat(text).doesNotContain("0 devices").doesNotContain("0 online")
                .contains("DEVICES  1 registered; waiting for the telemetry job to store their first readings")
                .containsPattern("lab-a-01 +Lab A climate +Lab A +- +- +- +none yet")
                .contains("ALERTS   none opened yet")
                .contains("METERS   waiting for the first readings")
                .contains("CAMPUS   waiting for the first crossings");
    }

    @Test
    void keepsOpenedAlertsWithTheirWholeTextWrappedAndResolvedOnesWithTheirSpan() {
        String message = "Temperature on workshop-04 (Lathe monitor, Workshop) has been above 75 °C for 3 readings,"
                + " the last 81.2 °C: check the machine's cooling.";
        List<String> lines = SummaryFormat.screen(new Snapshot(T, List.of(), List.of(
                new AlertLine("workshop-04", "OVERHEAT", "HIGH", T.minusSeconds(40), T.minusSeconds(5), message),
                new AlertLine("workshop-04", "OVERHEAT", "HIGH", T.minusSeconds(40), null, message)), null, null), 80, EVERY);

        assertThat(lines).allMatch(line -> line.length() <= 80);
        String text = String.join(" ", lines).replaceAll(" +", " ");
        assertThat(text).contains("ALERTS the last 2 opened or resolved, newest first")
                .containsPattern("5 s ago +resolved OVERHEAT on workshop-04 \\(open 35 s\\)")
                .contains("40 s ago HIGH OVERHEAT on workshop-04: " + message);
    }

    @Test
    void showsPowerNowThePartialWindowAndTheLastClosedWindowPerMeter() {
        Instant start = Instant.parse("2026-03-02T07:55:00Z");
        String text = screen(List.of(), List.of(), List.of(
                new MeterLine("main-incomer", 12_345.0, T.minusSeconds(3),
                        new MeterLine.Window(T, T.plusSeconds(300), 50.0, 12_000.0, 0.05, 3),
                        new MeterLine.Window(start, T, 1000.0, 12_000.0, 1.0, 60)),
                new MeterLine("lab-2-freezer", 150.0, T.minusSeconds(3), null, null)), null);

        assertThat(text).containsPattern("\\d\\d:\\d\\d-\\d\\d:\\d\\d so far +\\d\\d:\\d\\d-\\d\\d:\\d\\d \\(closed now\\)")
                .containsPattern("main-incomer +12\\.35 kW, 3 s ago +0\\.050 kWh \\(partial\\) +1\\.000 kWh, avg 12\\.00 kW,"
                        + " 100 % covered")
                .containsPattern("lab-2-freezer +0\\.15 kW, 3 s ago +- +none yet");
    }

    @Test
    void showsPeopleInsidePerGateHowFreshAndTheLastCrossingsWithRollNumbers() {
        String text = screen(List.of(), List.of(), null, new CampusLine(
                new TreeMap<>(Map.of("*", 12, "main", 7, "north", 5)), T.minusSeconds(40),
                List.of(new CampusLine.Crossing(T.minusSeconds(40), "ENTRY", "main", "CS21B042"),
                        new CampusLine.Crossing(T.minusSeconds(41), "EXIT", "north", null))));

        assertThat(text).containsPattern("CAMPUS +12 inside: main 7, north 5 \\(as of \\S+, 40 s ago\\)")
                .containsPattern("40 s ago +ENTRY CS21B042 at main")
                .containsPattern("41 s ago +EXIT +\\(not on the roster\\) at north")
                .doesNotContain("METERS");
    }

    @Test
    void cutsOtherLongLinesToTheWidth() {
        List<String> lines = SummaryFormat.screen(new Snapshot(T, List.of(DeviceLine.reporting("lab-a-01",
                "A name much longer than the column", "A place also too long", true, 100, 0, T)), List.of(), null, null),
                50, EVERY);

        assertThat(lines).allMatch(line -> line.length() <= 50).anyMatch(line -> line.endsWith("..."));
    }

    @Test
    void saysAgesInSecondsThenMinutesThenHours() {
        assertThat(SummaryFormat.ago(T.minusSeconds(7), T)).isEqualTo("7 s ago");
        assertThat(SummaryFormat.ago(T.minusSeconds(119), T)).isEqualTo("119 s ago");
        assertThat(SummaryFormat.ago(T.minusSeconds(185), T)).isEqualTo("3 min ago");
        assertThat(SummaryFormat.ago(T.minusSeconds(3 * 3600 + 600), T)).isEqualTo("3 h 10 min ago");
        assertThat(SummaryFormat.ago(T.plusSeconds(2), T)).isEqualTo("now");
    }

    @Test
    void explainsTheEventTimeLagFromTheJobsSettings() {
        String info = SummaryFormat.info(new Lags(Duration.ofSeconds(5), Duration.ofSeconds(5), Duration.ofSeconds(30),
                Duration.ofMinutes(5), Duration.ofSeconds(5), Duration.ofMinutes(2), Duration.ofSeconds(5)));

        assertThat(info).contains("status ~15-20 s after its reading").contains("crossings ~35-40 s")
                .contains("a 5 min energy window once it has ended (+5 s; late readings may change it for 2 min more)");
    }
}

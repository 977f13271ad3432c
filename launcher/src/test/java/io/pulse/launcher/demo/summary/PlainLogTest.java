package io.pulse.launcher.demo.summary;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PlainLogTest {
    private static final Instant T = Instant.parse("2026-03-02T08:00:00Z");

    private static Snapshot at(Instant now, List<DeviceLine> devices, List<AlertLine> alerts, List<MeterLine> meters,
                               CampusLine campus) {
        return new Snapshot(now, devices, alerts, meters, campus);
    }

    @Test
    void saysOnceWhatItWaitsForThenADeviceLineOnlyWhenItsStateChanges() {
        PlainLog log = new PlainLog();
        DeviceLine waiting = DeviceLine.waiting("lab-a-01", "Lab A climate", "Lab A");

        assertThat(log.next(at(T, List.of(waiting), List.of(), null, null))).singleElement().asString()
                .contains("1 registered; waiting for the telemetry job to store their first readings");
        assertThat(log.next(at(T.plusSeconds(5), List.of(waiting), List.of(), null, null))).isEmpty();

        List<String> first = log.next(at(T.plusSeconds(10), List.of(DeviceLine.reporting("lab-a-01", "Lab A climate",
                "Lab A", true, 100, 0, T)), List.of(), null, null));
        assertThat(first).singleElement().asString()
                .contains("device lab-a-01 (Lab A climate, Lab A): online, health 100, 0 open alerts; last reading stored");
        // a newer reading, the same state: nothing to say
        assertThat(log.next(at(T.plusSeconds(15), List.of(DeviceLine.reporting("lab-a-01", "Lab A climate", "Lab A",
                true, 100, 0, T.plusSeconds(5))), List.of(), null, null))).isEmpty();
        assertThat(log.next(at(T.plusSeconds(20), List.of(DeviceLine.reporting("lab-a-01", "Lab A climate", "Lab A",
                true, 70, 1, T.plusSeconds(10))), List.of(), null, null))).singleElement().asString()
                .contains("health 70, 1 open alert;");
    }

    @Test
    void printsEachAlertOpeningAndResolutionOnceWithItsText() {
        PlainLog log = new PlainLog();
        AlertLine opened = new AlertLine("workshop-04", "OVERHEAT", "HIGH", T, null, "Too hot.");
        AlertLine resolved = new AlertLine("workshop-04", "OVERHEAT", "HIGH", T, T.plusSeconds(35), "Too hot.");

        assertThat(log.next(at(T, List.of(), List.of(opened), null, null))).singleElement().asString()
                .contains("ALERT HIGH OVERHEAT on workshop-04 at ").endsWith(": Too hot.");
        assertThat(log.next(at(T.plusSeconds(5), List.of(), List.of(opened), null, null))).isEmpty();
        assertThat(log.next(at(T.plusSeconds(40), List.of(), List.of(resolved, opened), null, null)))
                .singleElement().asString().contains("resolved OVERHEAT on workshop-04 at ").endsWith("(open 35 s)");
    }

    @Test
    void printsEachClosedEnergyWindowOnceNotEveryPowerReading() {
        PlainLog log = new PlainLog();
        Instant start = T.minusSeconds(300);
        MeterLine.Window closed = new MeterLine.Window(start, T, 1000.0, 12_000.0, 1.0, 60);

        assertThat(log.next(at(T, List.of(), List.of(), List.of(new MeterLine("main-incomer", 12_000.0, T, null, null)),
                null))).singleElement().asString().contains("meters: readings arriving, power now main-incomer 12.00 kW");
        assertThat(log.next(at(T.plusSeconds(5), List.of(), List.of(), List.of(new MeterLine("main-incomer", 9_000.0,
                T.plusSeconds(5), null, null)), null))).isEmpty();
        assertThat(log.next(at(T.plusSeconds(10), List.of(), List.of(), List.of(new MeterLine("main-incomer", 9_500.0,
                T.plusSeconds(10), null, closed)), null))).singleElement().asString()
                .containsPattern("energy main-incomer \\d\\d:\\d\\d-\\d\\d:\\d\\d: 1\\.000 kWh, avg 12\\.00 kW, 100 % covered,"
                        + " 60 samples; power now 9\\.50 kW \\(now\\)");
        assertThat(log.next(at(T.plusSeconds(15), List.of(), List.of(), List.of(new MeterLine("main-incomer", 9_700.0,
                T.plusSeconds(15), null, closed)), null))).isEmpty();
    }

    @Test
    void printsTheCampusAtMostOnceAMinuteAndOnlyWhenTheCountChanged() {
        PlainLog log = new PlainLog();
        CampusLine twelve = new CampusLine(Map.of("*", 12), T, List.of(new CampusLine.Crossing(T, "ENTRY", "main", "CS1")));
        CampusLine thirteen = new CampusLine(Map.of("*", 13), T.plusSeconds(30), List.of());

        assertThat(log.next(at(T, List.of(), List.of(), null, twelve))).singleElement().asString()
                .contains("campus: 12 inside (as of ").contains("last crossing ").contains("ENTRY CS1 at main");
        assertThat(log.next(at(T.plusSeconds(30), List.of(), List.of(), null, thirteen))).isEmpty();
        assertThat(log.next(at(T.plusSeconds(60), List.of(), List.of(), null, thirteen))).singleElement().asString()
                .contains("campus: 13 inside");
        assertThat(log.next(at(T.plusSeconds(200), List.of(), List.of(), null, thirteen))).isEmpty();
    }
}

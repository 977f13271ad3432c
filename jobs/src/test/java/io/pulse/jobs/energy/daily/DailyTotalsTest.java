package io.pulse.jobs.energy.daily;

import io.pulse.jobs.energy.EnergySettings;
import io.pulse.jobs.energy.MeterParser;
import io.pulse.jobs.energy.MeterReading;
import io.pulse.jobs.energy.integration.EnergyIntegrator;
import io.pulse.jobs.energy.windows.EnergyWindow;

import org.apache.flink.api.java.functions.KeySelector;
import org.apache.flink.runtime.metrics.util.InterceptingOperatorMetricGroup;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import static io.pulse.jobs.energy.EnergyHarnesses.T0;
import static io.pulse.jobs.energy.EnergyHarnesses.at;
import static io.pulse.jobs.energy.EnergyHarnesses.count;
import static io.pulse.jobs.energy.EnergyHarnesses.keyed;
import static io.pulse.jobs.energy.EnergyHarnesses.reading;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Daily totals per meter and for the campus, on keyed harnesses, with hand-computed figures.
 * T0 is 08:00 UTC: quarter hours 08:00 (windows 0, 1, 2) and 08:15 (windows 3, 4, 5).
 */
class DailyTotalsTest {

    private final InterceptingOperatorMetricGroup metrics = new InterceptingOperatorMetricGroup();

    private static EnergyWindow window(String meter, int k, double energyWh) {
        long start = at(300.0 * k);
        return new EnergyWindow(meter, start, start + 300_000, energyWh, null, null, null, null, null, 1, 1.0, 300_000);
    }

    private KeyedOneInputStreamOperatorTestHarness<String, EnergyWindow, DailyEnergy> harness(
            KeySelector<EnergyWindow, String> key) throws Exception {
        var harness = keyed(new DailyTotals(EnergySettings.CONTRACT), key, metrics);
        harness.open();
        return harness;
    }

    private static Map<String, DailyEnergy> latestRows(List<DailyEnergy> rows) {
        return rows.stream().collect(Collectors.toMap(DailyEnergy::meterId, Function.identity(), (a, b) -> b));
    }

    private static void send(KeyedOneInputStreamOperatorTestHarness<String, EnergyWindow, DailyEnergy> h,
                             EnergyWindow... windows) throws Exception {
        for (EnergyWindow w : windows) {
            h.processElement(w, w.windowEnd());
        }
    }

    @Test
    void aMetersDaySumsItsWindowsAndItsPeakIsTheBestQuarterHour() throws Exception {
        try (var h = harness(EnergyWindow::meterId)) {
            send(h, window("A", 0, 10), window("A", 1, 20), window("A", 2, 5), window("A", 3, 50));
            send(h, window("A", 2, 30)); // a late update replaces the window's earlier version
            h.processWatermark(at(1200));

            DailyEnergy a = latestRows(h.extractOutputValues()).get("A");
            assertThat(a.energyWh()).isEqualTo(110.0); // 10 + 20 + 30 + 50
            assertThat(a.date()).isEqualTo(LocalDate.of(2026, 3, 2));
            assertThat(a.peakPowerW()).isEqualTo(240.0); // 08:00: 60 Wh in 15 min = 240 W; 08:15: 200 W
            assertThat(a.peakAt()).isEqualTo(T0);
            assertThat(a.coverage()).isCloseTo(4 * 300 / 86_400.0, within(1e-15));
            assertThat(h.extractOutputValues()).as("four windows, one watermark: one row").hasSize(1);
            assertThat(count(metrics, "dailyRows")).isEqualTo(1);
        }
    }

    @Test
    void theCampusPeakIsTheCoincidentPeakOfAllMeters() throws Exception {
        try (var h = harness(w -> MeterParser.CAMPUS)) {
            send(h, window("A", 0, 10), window("A", 1, 20), window("A", 2, 30), window("A", 3, 50));
            send(h, window("B", 3, 10), window("B", 4, 30));
            h.processWatermark(at(1500));

            DailyEnergy campus = latestRows(h.extractOutputValues()).get("*");
            assertThat(campus.energyWh()).isEqualTo(150.0);
            // 08:00: 60 Wh → 240 W; 08:15: 50 + 10 + 30 = 90 Wh → 360 W (A alone peaks at 08:00)
            assertThat(campus.peakPowerW()).isEqualTo(360.0);
            assertThat(campus.peakAt()).isEqualTo(at(900));
            assertThat(campus.coverage()).as("mean over two meters").isCloseTo(6 * 300 / 86_400.0 / 2, within(1e-15));
        }
    }

    @Test
    void theDailyTotalEqualsTheSumOfTheWindowsTheIntegratorEmits() throws Exception {
        List<EnergyWindow> windows;
        try (var integrator = keyed(new EnergyIntegrator(EnergySettings.CONTRACT), MeterReading::meterId,
                new InterceptingOperatorMetricGroup())) {
            integrator.open();
            // a ramp 0 → 1790 W over 30 min, a reading every 10 s
            for (int s = 0; s <= 1800; s += 10) {
                MeterReading r = reading("A", s, s);
                integrator.processElement(r, r.ts());
            }
            integrator.processWatermark(at(1800));
            windows = integrator.extractOutputValues();
        }
        assertThat(windows).hasSize(6);
        try (var h = harness(EnergyWindow::meterId)) {
            for (EnergyWindow w : windows) {
                h.processElement(w, w.windowEnd());
            }
            h.processWatermark(at(1800));
            DailyEnergy day = latestRows(h.extractOutputValues()).get("A");
            double sum = windows.stream().mapToDouble(EnergyWindow::energyWh).sum();
            assertThat(day.energyWh()).isCloseTo(sum, within(1e-9));
            // ∫ P dt over 0..1800 s of P = t: 1800² / 2 W·s = 450 Wh
            assertThat(day.energyWh()).isCloseTo(450.0, within(1e-9));
            // second quarter hour (900..1800 s) holds 1800²/2 - 900²/2 = 1,215,000 W·s = 337.5 Wh → 1350 W
            assertThat(day.peakPowerW()).isCloseTo(1350.0, within(1e-9));
            assertThat(day.peakAt()).isEqualTo(at(900));
            assertThat(day.coverage()).isCloseTo(1800 / 86_400.0, within(1e-15));
        }
    }

    @Test
    void aDaysStateIsDroppedOnceItsWindowsAreFinal() throws Exception {
        try (var h = harness(EnergyWindow::meterId)) {
            send(h, window("A", 0, 10));
            h.processWatermark(at(300));
            assertThat(h.numKeyedStateEntries()).isPositive();
            long nextDay = DayMath.dayOf(T0) + DayMath.DAY_MS;
            h.processWatermark(nextDay + 120_000); // the day's last window is final at its end + 120 s
            assertThat(h.numKeyedStateEntries()).isPositive();
            h.processWatermark(nextDay + 120_001);
            assertThat(h.numKeyedStateEntries()).isZero();
            assertThat(h.numEventTimeTimers()).isZero();
        }
    }
}

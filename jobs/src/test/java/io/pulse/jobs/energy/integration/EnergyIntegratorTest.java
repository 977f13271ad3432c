package io.pulse.jobs.energy.integration;

import io.pulse.jobs.energy.EnergySettings;
import io.pulse.jobs.energy.MeterReading;
import io.pulse.jobs.energy.windows.EnergyWindow;
import io.pulse.jobs.ingest.RejectedMessage;

import org.apache.flink.runtime.checkpoint.OperatorSubtaskState;
import org.apache.flink.runtime.metrics.util.InterceptingOperatorMetricGroup;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Queue;

import static io.pulse.jobs.energy.EnergyHarnesses.at;
import static io.pulse.jobs.energy.EnergyHarnesses.count;
import static io.pulse.jobs.energy.EnergyHarnesses.keyed;
import static io.pulse.jobs.energy.EnergyHarnesses.reading;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The integration rule, windows, lateness, dedup and state cleanup on a keyed harness, against
 * hand-computed figures. 1 Wh = 3,600 W·s. Windows: [T0 + 300 s × k, T0 + 300 s × (k + 1)).
 */
class EnergyIntegratorTest {

    private final InterceptingOperatorMetricGroup metrics = new InterceptingOperatorMetricGroup();
    private KeyedOneInputStreamOperatorTestHarness<String, MeterReading, EnergyWindow> harness;

    @BeforeEach
    void open() throws Exception {
        harness = newHarness();
        harness.open();
    }

    private KeyedOneInputStreamOperatorTestHarness<String, MeterReading, EnergyWindow> newHarness() throws Exception {
        return keyed(new EnergyIntegrator(EnergySettings.CONTRACT), MeterReading::meterId, metrics);
    }

    /** A failure and restore: a new operator from a snapshot, its watermark starting from nothing. */
    private void restart(double atSeconds) throws Exception {
        OperatorSubtaskState snapshot = harness.snapshot(1L, at(atSeconds));
        harness.close();
        harness = newHarness();
        harness.setup();
        harness.initializeState(snapshot);
        harness.open();
    }

    @AfterEach
    void close() throws Exception {
        harness.close();
    }

    private void send(MeterReading... readings) throws Exception {
        for (MeterReading r : readings) {
            harness.processElement(r, r.ts());
        }
    }

    private void watermark(double seconds) throws Exception {
        harness.processWatermark(at(seconds));
    }

    private List<EnergyWindow> windows() {
        return harness.extractOutputValues();
    }

    @Test
    void constantPowerOverAWholeWindowGivesPowerTimesTime() throws Exception {
        for (int s = 0; s <= 300; s += 10) { // 31 readings; the one at 300 s opens the next window
            send(reading("M1", s, 1200, 230, 5.2));
        }
        watermark(300);

        assertThat(windows()).hasSize(1);
        EnergyWindow w = windows().get(0);
        assertThat(w.meterId()).isEqualTo("M1");
        assertThat(w.windowStart()).isEqualTo(at(0));
        assertThat(w.windowEnd()).isEqualTo(at(300));
        assertThat(w.energyWh()).isEqualTo(100.0); // 1200 W × 300 s / 3600
        assertThat(w.coverage()).isEqualTo(1.0);
        assertThat(w.samples()).isEqualTo(30);
        assertThat(w.avgPowerW()).isEqualTo(1200.0);
        assertThat(w.minPowerW()).isEqualTo(1200.0);
        assertThat(w.maxPowerW()).isEqualTo(1200.0);
        assertThat(w.avgVoltageV()).isEqualTo(230.0);
        assertThat(w.avgCurrentA()).isCloseTo(5.2, within(1e-12));
    }

    @Test
    void aRampIsIntegratedAsATrapezoid() throws Exception {
        send(reading("M1", 0, 0), reading("M1", 60, 600));
        watermark(300);

        EnergyWindow w = windows().get(0);
        assertThat(w.energyWh()).isEqualTo(5.0); // 60 s × (0 + 600) / 2 = 18,000 W·s
        assertThat(w.coverage()).isEqualTo(0.2); // 60 s / 300 s
        assertThat(w.samples()).isEqualTo(2);
        assertThat(w.avgPowerW()).isEqualTo(300.0);
        assertThat(w.minPowerW()).isEqualTo(0.0);
        assertThat(w.maxPowerW()).isEqualTo(600.0);
        assertThat(w.avgVoltageV()).as("no reading carried a voltage").isNull();
    }

    @Test
    void anIntervalCrossingAWindowBoundaryIsSplitThere() throws Exception {
        // 1000 W at 280 s, 2000 W at 320 s: 1500 W at the boundary (300 s)
        send(reading("M1", 280, 1000), reading("M1", 320, 2000));
        watermark(600);

        assertThat(windows()).hasSize(2);
        EnergyWindow first = windows().get(0);
        EnergyWindow second = windows().get(1);
        assertThat(first.energyWh()).isCloseTo(25_000 / 3600.0, within(1e-12)); // 20 s × (1000 + 1500) / 2
        assertThat(second.energyWh()).isCloseTo(35_000 / 3600.0, within(1e-12)); // 20 s × (1500 + 2000) / 2
        assertThat(first.coverage()).isCloseTo(20 / 300.0, within(1e-15));
        assertThat(second.coverage()).isCloseTo(20 / 300.0, within(1e-15));
        assertThat(first.samples()).isEqualTo(1);
        assertThat(second.samples()).isEqualTo(1);
        assertThat(first.avgPowerW()).isEqualTo(1250.0);
        assertThat(second.avgPowerW()).isEqualTo(1750.0);
        assertThat(second.windowStart()).isEqualTo(at(300));
    }

    @Test
    void aGapOver60SecondsIsNotIntegratedButExactly60Is() throws Exception {
        send(reading("M1", 0, 1000), reading("M1", 61, 1000), reading("M1", 121, 1000));
        watermark(300);

        EnergyWindow w = windows().get(0);
        assertThat(w.samples()).isEqualTo(3);
        assertThat(w.energyWh()).isCloseTo(60_000 / 3600.0, within(1e-12)); // only 61..121 s
        assertThat(w.coverage()).isEqualTo(0.2);
    }

    @Test
    void onlyAGapGivesZeroEnergyAndNoAveragePower() throws Exception {
        send(reading("M1", 0, 1000), reading("M1", 61, 1000));
        watermark(300);

        EnergyWindow w = windows().get(0);
        assertThat(w.samples()).isEqualTo(2);
        assertThat(w.energyWh()).isEqualTo(0.0);
        assertThat(w.coverage()).isEqualTo(0.0);
        assertThat(w.avgPowerW()).isNull();
        assertThat(w.maxPowerW()).isEqualTo(1000.0);
    }

    @Test
    void aLateReadingBetweenTwoEarlierOnesReintegratesTheIntervalItSplits() throws Exception {
        send(reading("M1", 200, 0), reading("M1", 260, 600));
        watermark(300);
        assertThat(windows()).hasSize(1);
        assertThat(windows().get(0).energyWh()).isEqualTo(5.0); // 60 s × 300 W

        send(reading("M1", 250, 1000)); // 50 s late, within the 60 s allowed
        assertThat(windows()).as("the window is updated at once").hasSize(2);
        EnergyWindow updated = windows().get(1);
        // 50 s × (0 + 1000) / 2 + 10 s × (1000 + 600) / 2 = 25,000 + 8,000 W·s
        assertThat(updated.energyWh()).isCloseTo(33_000 / 3600.0, within(1e-12));
        assertThat(updated.windowStart()).isEqualTo(at(0));
        assertThat(updated.samples()).isEqualTo(3);
        assertThat(updated.avgPowerW()).isEqualTo(550.0);
        assertThat(updated.maxPowerW()).isEqualTo(1000.0);
        assertThat(updated.coverage()).isEqualTo(0.2);
        assertThat(count(metrics, "lateReadings")).isZero();
    }

    @Test
    void aReadingMoreThan60SecondsLateIsRejectedAndCounted() throws Exception {
        send(reading("M1", 300, 100), reading("M1", 400, 100));
        watermark(400);
        send(reading("M1", 340, 5000)); // 340 + 60 <= 400

        Queue<StreamRecord<RejectedMessage>> rejected = harness.getSideOutput(EnergyIntegrator.REJECTED);
        assertThat(rejected).hasSize(1);
        RejectedMessage late = rejected.peek().getValue();
        assertThat(late.reason()).isEqualTo("late");
        assertThat(late.topic()).isEqualTo("energy/meters/M1/readings");
        assertThat(late.payloadAsText()).isEqualTo("{\"meterId\":\"M1\",\"ts\":" + at(340) + ",\"power\":5000.0}");
        assertThat(count(metrics, "lateReadings")).isEqualTo(1);
        watermark(600);
        assertThat(windows()).hasSize(1);
        assertThat(windows().get(0).samples()).as("the late reading is not in its window").isEqualTo(2);
        assertThat(windows().get(0).maxPowerW()).isEqualTo(100.0);
    }

    @Test
    void aRepeatedReadingCountsOnceAlsoAfterARestore() throws Exception {
        send(reading("M1", 0, 1200), reading("M1", 0, 1200), reading("M1", 10, 1200));
        assertThat(count(metrics, "duplicateReadings")).isEqualTo(1);
        assertThat(harness.getSideOutput(EnergyIntegrator.DUPLICATES)).as("the repeat, to be counted")
                .extracting(r -> r.getValue().ts()).containsExactly(at(0));
        restart(10);
        send(reading("M1", 10, 1200), reading("M1", 20, 1200));
        watermark(300);

        assertThat(count(metrics, "duplicateReadings")).as("counted by the restored operator").isEqualTo(1);
        EnergyWindow w = windows().get(0);
        assertThat(w.samples()).isEqualTo(3);
        assertThat(w.energyWh()).isCloseTo(1200 * 20 / 3600.0, within(1e-12));
    }

    @Test
    void aRedeliveredReadingThatWasSettledBeforeTheRestoreIsARepeatNotLate() throws Exception {
        for (int s = 0; s <= 200; s += 10) {
            send(reading("M1", s, 600));
        }
        watermark(200);
        send(reading("M1", 210, 600)); // settles 0..130 s: no reading can come between them any more
        restart(200);
        // The broker redelivers what an acknowledgement lost in the failure left unacknowledged.
        for (int s = 20; s <= 210; s += 10) {
            send(reading("M1", s, 600));
        }
        send(reading("M1", 15, 600)); // new, in a settled interval: late
        watermark(300);

        assertThat(count(metrics, "duplicateReadings")).isEqualTo(20);
        assertThat(harness.getSideOutput(EnergyIntegrator.REJECTED)).as("only the new reading").hasSize(1);
        EnergyWindow w = windows().get(0);
        assertThat(w.samples()).isEqualTo(22);
        assertThat(w.energyWh()).isCloseTo(600 * 210 / 3600.0, within(1e-12));
    }

    @Test
    void stateAndTimersAreClearedOnceTheWindowsAreFinal() throws Exception {
        send(reading("M1", 250, 100), reading("M1", 290, 100), reading("M2", 10, 50));
        assertThat(harness.numKeyedStateEntries()).isEqualTo(2);
        watermark(300);
        assertThat(windows()).hasSize(2);

        // M1's last reading could still pair with one up to 60 s later, in the next window: its
        // state lives until that window is final (600 s + 60 s lateness + 60 s gap).
        watermark(719);
        assertThat(harness.numKeyedStateEntries()).as("M1 still waits for a pair").isEqualTo(1);
        watermark(720);
        assertThat(harness.numKeyedStateEntries()).isZero();
        assertThat(harness.numEventTimeTimers()).isZero();
        assertThat(windows()).as("no empty window is written").hasSize(2);
    }

    @Test
    void aReadingThatCouldChangeAFinalWindowIsLateAlsoWhenTheWatermarkRestartsLow() throws Exception {
        send(reading("M1", 250, 100), reading("M1", 290, 100), reading("M1", 310, 100));
        watermark(420); // window 0 final: 300 + 60 + 60
        restart(420);
        send(reading("M1", 280, 100));   // inside the final window
        send(reading("M1", 340, 100));   // within 60 s of the final window's end: it was late then too
        send(reading("M1", 360, 100));   // cannot: accepted

        assertThat(harness.getSideOutput(EnergyIntegrator.REJECTED)).hasSize(2);
        watermark(600);
        EnergyWindow second = windows().get(windows().size() - 1);
        assertThat(second.windowStart()).isEqualTo(at(300));
        // 300..310 s of the pair (290 s, 310 s) and the pair (310 s, 360 s): 60 s × 100 W
        assertThat(second.samples()).isEqualTo(2);
        assertThat(second.energyWh()).isCloseTo(100 * 60 / 3600.0, within(1e-12));
    }
}

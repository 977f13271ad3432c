package io.pulse.jobs.telemetry.quality;

import io.pulse.jobs.telemetry.Reading;

import org.apache.flink.runtime.metrics.util.InterceptingOperatorMetricGroup;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static io.pulse.jobs.telemetry.quality.Harnesses.at;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Checkpointed bytes per device in steady state: devices with 6 metrics reporting every second for
 * a minute, the watermark 5 s behind. Measured as the growth of a snapshot from N to 2N devices,
 * so that fixed metadata does not count.
 */
class QualityStateSizeTest {

    private static final int DEVICES = 200;
    private static final int SECONDS = 60;

    @Test
    void dedupAndScoringStayUnder4KiBPerDevice() throws Exception {
        long dedup = perDevice(() -> new DedupAndLateFilter(QualitySettings.DEFAULTS));
        long scoring = perDevice(() -> new AnomalyScorer(QualitySettings.DEFAULTS));
        System.out.printf("state bytes per device: dedup %d, scoring %d, together %d%n", dedup, scoring, dedup + scoring);
        assertThat(dedup + scoring).isLessThan(4096);
    }

    private interface Factory {
        KeyedProcessFunction<String, Reading, ?> create();
    }

    private static long perDevice(Factory factory) throws Exception {
        return (snapshotBytes(factory, 2 * DEVICES) - snapshotBytes(factory, DEVICES)) / DEVICES;
    }

    private static long snapshotBytes(Factory factory, int devices) throws Exception {
        try (KeyedOneInputStreamOperatorTestHarness<String, Reading, ?> harness =
                     Harnesses.opened(factory.create(), new InterceptingOperatorMetricGroup())) {
            for (int second = 0; second < SECONDS; second++) {
                for (int d = 0; d < devices; d++) {
                    Reading reading = new Reading("device-" + d, at(second), Map.of(
                            "temperature", 40 + Math.sin(second + d),
                            "humidity", 50.0 + second % 7,
                            "vibration", 0.2 + (second % 3) / 10.0,
                            "battery", 100 - second / 10.0,
                            "gas", 300.0 + second % 11,
                            "flame", 0.0));
                    harness.processElement(reading, reading.ts());
                }
                harness.processWatermark(at(second) - 5_001);
            }
            return harness.snapshot(1L, at(SECONDS)).getStateSize();
        }
    }
}

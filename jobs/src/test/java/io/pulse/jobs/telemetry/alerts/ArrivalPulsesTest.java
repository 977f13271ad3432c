package io.pulse.jobs.telemetry.alerts;

import org.apache.flink.streaming.api.operators.ProcessOperator;
import org.apache.flink.streaming.util.OneInputStreamOperatorTestHarness;
import org.junit.jupiter.api.Test;

import static io.pulse.jobs.telemetry.alerts.Fixtures.reading;
import static org.assertj.core.api.Assertions.assertThat;

class ArrivalPulsesTest {

    @Test
    void atMostOnePulseASecondAndNoneWhileNothingArrives() throws Exception {
        try (var harness = new OneInputStreamOperatorTestHarness<>(new ProcessOperator<>(new ArrivalPulses()))) {
            harness.open();
            harness.setProcessingTime(10_000);
            harness.processElement(reading("R1", 0, "temperature", 20), 0);
            harness.setProcessingTime(10_400);
            harness.processElement(reading("R2", 0, "temperature", 20), 0);
            harness.setProcessingTime(11_000);
            harness.processElement(reading("R1", 1, "temperature", 20), 0);
            harness.setProcessingTime(30_000); // silence: no pulse

            assertThat(harness.extractOutputValues()).containsExactly(10_000L, 11_000L);
            assertThat(harness.getProcessingTimeService().getNumActiveTimers()).as("no timers of its own").isZero();
        }
    }
}

package io.pulse.jobs.movement.traffic;

import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.apache.flink.streaming.util.ProcessFunctionTestHarnesses;
import org.junit.jupiter.api.Test;

import static io.pulse.jobs.movement.MovementFixtures.at;
import static org.assertj.core.api.Assertions.assertThat;

class HourlyTrafficTest {

    private static void send(KeyedOneInputStreamOperatorTestHarness<String, TrafficEvent, GateTraffic> h, double s,
                             TrafficEvent.Kind kind) throws Exception {
        h.processElement(new StreamRecord<>(new TrafficEvent("main", at(s), kind), at(s)));
    }

    @Test
    void countsPerGateAndHourAreWrittenAMinuteAtATimeAndDroppedOnceFinal() throws Exception {
        try (KeyedOneInputStreamOperatorTestHarness<String, TrafficEvent, GateTraffic> h =
                     ProcessFunctionTestHarnesses.forKeyedProcessFunction(new HourlyTraffic(), TrafficEvent::gate, Types.STRING)) {
            send(h, 10, TrafficEvent.Kind.ENTRY);
            send(h, 20, TrafficEvent.Kind.ENTRY);
            send(h, 30, TrafficEvent.Kind.RANDOMIZED);
            h.processWatermark(at(60));
            send(h, 3599, TrafficEvent.Kind.EXIT);
            send(h, 3601, TrafficEvent.Kind.EXIT);
            h.processWatermark(at(3700));
            // T0 is 08:00: hours 08:00 and 09:00
            assertThat(h.extractOutputValues()).containsExactly(
                    new GateTraffic("main", at(0), 2, 0, 1),
                    new GateTraffic("main", at(0), 2, 1, 1),
                    new GateTraffic("main", at(3600), 0, 1, 0));
            send(h, 100, TrafficEvent.Kind.ENTRY); // its hour is final: not counted, not rewritten
            h.processWatermark(at(2 * 3600));
            assertThat(h.extractOutputValues()).hasSize(3);
            assertThat(h.numKeyedStateEntries()).isZero();
        }
    }
}

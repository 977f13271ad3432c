package io.pulse.jobs.telemetry.quality;

import io.pulse.jobs.telemetry.Reading;

import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.metrics.Counter;
import org.apache.flink.runtime.jobgraph.OperatorID;
import org.apache.flink.runtime.metrics.groups.InternalOperatorMetricGroup;
import org.apache.flink.runtime.metrics.groups.UnregisteredMetricGroups;
import org.apache.flink.runtime.metrics.util.InterceptingOperatorMetricGroup;
import org.apache.flink.runtime.operators.testutils.MockEnvironment;
import org.apache.flink.runtime.operators.testutils.MockEnvironmentBuilder;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.streaming.api.operators.KeyedProcessOperator;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/** Test harnesses for the keyed telemetry functions, with their metrics readable. */
final class Harnesses {

    static final long T0 = Instant.parse("2026-03-02T08:00:00Z").toEpochMilli();

    private Harnesses() {}

    /** A keyed harness (not yet set up) whose operator metrics land in {@code metrics}. */
    static <OUT> KeyedOneInputStreamOperatorTestHarness<String, Reading, OUT> keyed(
            KeyedProcessFunction<String, Reading, OUT> function, InterceptingOperatorMetricGroup metrics) throws Exception {
        MockEnvironment environment = new MockEnvironmentBuilder()
                .setMaxParallelism(128)
                .setMetricGroup(new UnregisteredMetricGroups.UnregisteredTaskMetricGroup() {
                    @Override
                    public InternalOperatorMetricGroup getOrAddOperator(OperatorID id, String name, Map<String, String> info) {
                        return metrics;
                    }
                })
                .build();
        return new KeyedOneInputStreamOperatorTestHarness<>(
                new KeyedProcessOperator<>(function), Reading::deviceId, Types.STRING, environment);
    }

    /** Set up and opened, with a fresh state. */
    static <OUT> KeyedOneInputStreamOperatorTestHarness<String, Reading, OUT> opened(
            KeyedProcessFunction<String, Reading, OUT> function, InterceptingOperatorMetricGroup metrics) throws Exception {
        KeyedOneInputStreamOperatorTestHarness<String, Reading, OUT> harness = keyed(function, metrics);
        harness.open();
        return harness;
    }

    static long count(InterceptingOperatorMetricGroup metrics, String name) {
        Counter counter = (Counter) metrics.get(name);
        return counter == null ? 0 : counter.getCount();
    }

    /** A reading of device at T0 + seconds, metrics given as name, value, name, value... */
    static Reading reading(String device, double seconds, Object... metrics) {
        Map<String, Double> values = new HashMap<>();
        for (int i = 0; i < metrics.length; i += 2) {
            values.put((String) metrics[i], ((Number) metrics[i + 1]).doubleValue());
        }
        return new Reading(device, at(seconds), values);
    }

    static long at(double seconds) {
        return T0 + Math.round(seconds * 1000);
    }
}

package io.pulse.jobs.energy;

import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.api.java.functions.KeySelector;
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
import java.util.Map;

/** Harnesses for the keyed energy functions, with their metrics readable, and test readings. */
public final class EnergyHarnesses {

    /** A window boundary (08:00 UTC), so that window k of the tests starts at T0 + 300 s × k. */
    public static final long T0 = Instant.parse("2026-03-02T08:00:00Z").toEpochMilli();

    private EnergyHarnesses() {}

    public static <IN, OUT> KeyedOneInputStreamOperatorTestHarness<String, IN, OUT> keyed(
            KeyedProcessFunction<String, IN, OUT> function, KeySelector<IN, String> key,
            InterceptingOperatorMetricGroup metrics) throws Exception {
        MockEnvironment environment = new MockEnvironmentBuilder()
                .setMaxParallelism(128)
                .setMetricGroup(new UnregisteredMetricGroups.UnregisteredTaskMetricGroup() {
                    @Override
                    public InternalOperatorMetricGroup getOrAddOperator(OperatorID id, String name, Map<String, String> info) {
                        return metrics;
                    }
                })
                .build();
        return new KeyedOneInputStreamOperatorTestHarness<>(new KeyedProcessOperator<>(function), key, Types.STRING, environment);
    }

    public static long count(InterceptingOperatorMetricGroup metrics, String name) {
        Counter counter = (Counter) metrics.get(name);
        return counter == null ? 0 : counter.getCount();
    }

    /** T0 + seconds, in epoch ms. */
    public static long at(double seconds) {
        return T0 + Math.round(seconds * 1000);
    }

    /** A reading of meter at T0 + seconds with power only. */
    public static MeterReading reading(String meter, double seconds, double powerW) {
        return new MeterReading(meter, at(seconds), powerW, Double.NaN, Double.NaN, Double.NaN);
    }

    public static MeterReading reading(String meter, double seconds, double powerW, double voltageV, double currentA) {
        return new MeterReading(meter, at(seconds), powerW, voltageV, currentA, Double.NaN);
    }
}

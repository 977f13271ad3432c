package io.pulse.jobs.telemetry.alerts;

import io.pulse.jobs.telemetry.rules.AlertRules;

import org.apache.flink.api.common.eventtime.Watermark;
import org.apache.flink.api.common.eventtime.WatermarkGenerator;
import org.apache.flink.api.common.eventtime.WatermarkGeneratorSupplier;
import org.apache.flink.api.common.eventtime.WatermarkOutput;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;

/**
 * Takes the rules stream out of event time. An operator with two inputs advances its event time
 * to the lower of their watermarks, so a rules stream without watermarks (a rules message comes
 * once in a while) would stop every timer of {@link ApplyRules}, the CEP patterns and
 * {@link AlertLifecycle}. Rules apply from when they arrive, so their stream's watermark is
 * "the end of time" from the start.
 */
public final class RulesWatermarks implements WatermarkStrategy<AlertRules> {

    @Override
    public WatermarkGenerator<AlertRules> createWatermarkGenerator(WatermarkGeneratorSupplier.Context context) {
        return new WatermarkGenerator<>() {
            @Override
            public void onEvent(AlertRules rules, long timestamp, WatermarkOutput output) {
                output.emitWatermark(new Watermark(Long.MAX_VALUE));
            }

            @Override
            public void onPeriodicEmit(WatermarkOutput output) {
                output.emitWatermark(new Watermark(Long.MAX_VALUE));
            }
        };
    }
}

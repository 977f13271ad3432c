package io.pulse.jobs.telemetry.alerts;

import io.pulse.jobs.telemetry.rules.AlertRules;

import org.apache.flink.api.common.eventtime.WatermarkGenerator;
import org.apache.flink.api.common.eventtime.WatermarkGeneratorSupplier;
import org.apache.flink.api.common.eventtime.WatermarkOutput;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;

/**
 * Takes the rules stream out of event time. An operator with two inputs advances its event time
 * to the lower of their watermarks, so a rules stream with watermarks of its own (a rules message
 * comes once in a while) would stop every timer of {@link ApplyRules}, the CEP patterns and
 * {@link AlertLifecycle}. The stream is therefore idle for good: an operator's event time is that
 * of its readings alone.
 *
 * <p>Not "the end of time" as a watermark: while the readings are idle too (no device published
 * for the source's idleness, e.g. before the first devices come online) an operator's event time
 * would jump to it, and every reading after that would be late for the CEP patterns, which drop
 * late input: no OVERHEAT, HIGH_VIBRATION ... alert again until a restart. Found on a session
 * cluster, where a job waits for its devices (cluster-tests), and {@code TelemetryIdleSourceITCase}.
 */
public final class RulesWatermarks implements WatermarkStrategy<AlertRules> {

    @Override
    public WatermarkGenerator<AlertRules> createWatermarkGenerator(WatermarkGeneratorSupplier.Context context) {
        return new WatermarkGenerator<>() {
            @Override
            public void onEvent(AlertRules rules, long timestamp, WatermarkOutput output) {
                output.markIdle();
            }

            @Override
            public void onPeriodicEmit(WatermarkOutput output) {
                output.markIdle();
            }
        };
    }
}

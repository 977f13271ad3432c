package io.pulse.jobs.telemetry.alerts;

import org.apache.flink.api.common.eventtime.WatermarkGenerator;
import org.apache.flink.api.common.eventtime.WatermarkGeneratorSupplier;
import org.apache.flink.api.common.eventtime.WatermarkOutput;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;

/**
 * Takes a side stream out of event time. An operator with two inputs advances its event time to
 * the lower of their watermarks, so a second input with watermarks of its own (rules come once in
 * a while; arrival pulses are wall-clock signals) would stop every timer of the operator: of
 * {@link ApplyRules}, the CEP patterns and {@link AlertLifecycle}, or {@link OfflineDetector}'s
 * event-time path. Such a stream is therefore idle for good: an operator's event time is that of
 * its readings alone.
 *
 * <p>Not "the end of time" as a watermark: while the readings were idle too (as they were when a
 * reader without messages for 30 s was marked idle, before {@code JobMqtt.READERS}) an operator's
 * event time jumped to it, and every reading after that was late for the CEP patterns, which drop
 * late input: no OVERHEAT, HIGH_VIBRATION ... alert again until a restart. Found on a session
 * cluster, where a job waits for its devices (cluster-tests), and {@code TelemetryIdleSourceITCase}.
 */
public final class OutOfEventTime<T> implements WatermarkStrategy<T> {

    private static final long serialVersionUID = 1L;

    @Override
    public WatermarkGenerator<T> createWatermarkGenerator(WatermarkGeneratorSupplier.Context context) {
        return new WatermarkGenerator<>() {
            @Override
            public void onEvent(T event, long timestamp, WatermarkOutput output) {
                output.markIdle();
            }

            @Override
            public void onPeriodicEmit(WatermarkOutput output) {
                output.markIdle();
            }
        };
    }
}

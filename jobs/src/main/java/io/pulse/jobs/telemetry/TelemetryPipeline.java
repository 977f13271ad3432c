package io.pulse.jobs.telemetry;

import io.pulse.jobs.serialization.StringKeyTypeInfo;
import io.pulse.jobs.storage.JdbcSettings;
import io.pulse.jobs.telemetry.alerts.AlertInput;
import io.pulse.jobs.telemetry.alerts.AlertStreams;
import io.pulse.jobs.telemetry.alerts.AlertsPipeline;
import io.pulse.jobs.telemetry.health.DeviceStatus;
import io.pulse.jobs.telemetry.quality.AnomalyScorer;
import io.pulse.jobs.telemetry.quality.DedupAndLateFilter;
import io.pulse.jobs.telemetry.quality.QualitySettings;
import io.pulse.jobs.telemetry.quality.ScoredReading;
import io.pulse.jobs.telemetry.rules.AlertRules;
import io.pulse.jobs.telemetry.status.DeviceStatusTracker;
import io.pulse.jobs.telemetry.status.RegistryEnrichment;

import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.DataStreamUtils;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;

import java.time.Duration;

/**
 * The telemetry job's processing, from valid readings and rules to its result streams: event
 * time (5 s out of order) → dedup and late → rolling z-scores → registry → alerts (CEP patterns,
 * lifecycle, OFFLINE on arrival) → device status. Sources and sinks are the caller's, so the job
 * and its benchmark run the same operators.
 */
public final class TelemetryPipeline {

    static final Duration OUT_OF_ORDERNESS = Duration.ofSeconds(5);
    /** How soon a change to the devices table reaches alert messages and OFFLINE timeouts. */
    static final Duration REGISTRY_RELOAD = Duration.ofMinutes(1);

    private TelemetryPipeline() {}

    /**
     * @param readings valid readings without timestamps (they are assigned here from {@code ts})
     * @param registry where the devices table is, or null to run without the registry
     */
    public static TelemetryStreams process(DataStream<Reading> readings, DataStream<AlertRules> rules,
                                           QualitySettings quality, JdbcSettings registry) {
        // Every operator here emits new immutable records and changes none it has received, so
        // chained operators can share them instead of each getting a serializer's deep copy.
        readings.getExecutionEnvironment().getConfig().enableObjectReuse();
        SingleOutputStreamOperator<Reading> deduplicated = readings
                .assignTimestampsAndWatermarks(WatermarkStrategy.<Reading>forBoundedOutOfOrderness(OUT_OF_ORDERNESS)
                        .withTimestampAssigner((reading, previous) -> reading.ts()))
                .name("telemetry: event time")
                .setParallelism(readings.getParallelism()) // one watermark, chained to the one reader
                .keyBy(Reading::deviceId, StringKeyTypeInfo.INSTANCE)
                .process(new DedupAndLateFilter(quality)).name("telemetry: dedup and late").uid("telemetry-dedup");

        // Dedup's output is partitioned by device already: scoring runs in the same chain.
        SingleOutputStreamOperator<ScoredReading> scored = DataStreamUtils
                .reinterpretAsKeyedStream(deduplicated, Reading::deviceId, Types.STRING)
                .process(new AnomalyScorer(quality)).name("telemetry: z-scores").uid("telemetry-scores");

        // OFFLINE judges readings as they arrive; the patterns judge them scored, in order (both
        // streams still partitioned by device).
        AlertStreams alerts = AlertsPipeline.attachInOrder(
                withRegistry(scored.map(AlertInput::of).returns(TypeInformation.of(AlertInput.class)), registry, "alert input"),
                withRegistry(deduplicated.map(AlertInput::arrival).returns(TypeInformation.of(AlertInput.class)), registry, "arrivals"),
                rules);

        // Health, online, open alerts and last seen per device; the registry learns new devices.
        SingleOutputStreamOperator<DeviceStatus> status = scored
                .map(DeviceStatusTracker::seen).returns(TypeInformation.of(ScoredReading.class)).name("telemetry: seen")
                .connect(alerts.events())
                .keyBy(ScoredReading::deviceId, event -> event.alert().deviceId(), StringKeyTypeInfo.INSTANCE)
                .process(new DeviceStatusTracker()).name("telemetry: device status").uid("telemetry-device-status");

        return new TelemetryStreams(deduplicated, scored, alerts, status, deduplicated.getSideOutput(DedupAndLateFilter.REJECTED),
                deduplicated.getSideOutput(DedupAndLateFilter.DUPLICATES));
    }

    private static DataStream<AlertInput> withRegistry(DataStream<AlertInput> inputs, JdbcSettings registry, String name) {
        return registry == null ? inputs
                : inputs.map(new RegistryEnrichment(registry, REGISTRY_RELOAD)).name("telemetry: " + name + " + registry");
    }
}

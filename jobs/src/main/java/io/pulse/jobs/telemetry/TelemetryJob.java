package io.pulse.jobs.telemetry;

import io.pulse.jobs.ingest.ParseStep;
import io.pulse.jobs.ingest.RejectedMessage;
import io.pulse.jobs.options.JobOptions;
import io.pulse.jobs.pipeline.CountedAs;
import io.pulse.jobs.pipeline.PipelineTaps;
import io.pulse.jobs.storage.JdbcSettings;
import io.pulse.jobs.storage.StorageSetup;
import io.pulse.jobs.storage.TimeSeriesSetup;
import io.pulse.jobs.storage.UpsertSink;
import io.pulse.jobs.telemetry.alerts.Alert;
import io.pulse.jobs.telemetry.alerts.AlertEvent;
import io.pulse.jobs.telemetry.alerts.AlertStreams;
import io.pulse.jobs.telemetry.alerts.DeviceCommand;
import io.pulse.jobs.telemetry.health.DeviceStatus;
import io.pulse.jobs.telemetry.quality.QualitySettings;
import io.pulse.jobs.telemetry.quality.ScoredReading;
import io.pulse.jobs.telemetry.rules.AlertRules;
import io.pulse.jobs.telemetry.rules.RulesParser;
import io.pulse.jobs.telemetry.status.Device;
import io.pulse.jobs.telemetry.status.DeviceStatusTracker;
import io.pulse.jobs.telemetry.status.HealthPoints;
import io.pulse.jobs.wiring.JobMqtt;

import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

import java.time.Duration;


/**
 * The telemetry job: devices/+/telemetry → parse and validate → event time (5 s out of order) →
 * dedup and late → rolling z-scores → rules (pulse/config/rules, at run time) → CEP alerts,
 * lifecycle, OFFLINE → device status and registry. Writes alerts, rejected messages, device_status
 * and new devices to MySQL, alert events and commands to MQTT, and metrics (at once), their scores
 * (after the watermark) and the health changes to InfluxDB when it is configured.
 */
public final class TelemetryJob {

    public static final String CLIENT_ID_PREFIX = "pulse-telemetry";
    /** Raw readings are what a dashboard watches live: small batches, sent often. */
    static final Duration RAW_FLUSH_INTERVAL = Duration.ofMillis(250);

    private TelemetryJob() {}

    /** Adds the job's operators to {@code env}; the caller executes it. */
    public static void build(StreamExecutionEnvironment env, JobOptions options) {
        JdbcSettings jdbc = StorageSetup.settings(options);

        SingleOutputStreamOperator<Reading> readings = env
                .fromSource(JobMqtt.source(options, TelemetryParser.TOPIC.filter(), CLIENT_ID_PREFIX).build(),
                        WatermarkStrategy.noWatermarks(), "telemetry: mqtt").uid("telemetry-mqtt").setParallelism(JobMqtt.READERS)
                .process(new ParseStep<>("telemetry", new TelemetryParser(MetricRanges.CONTRACT), Reading.class))
                .name("telemetry: parse").uid("telemetry-parse").setParallelism(JobMqtt.READERS);

        // Retained rules reach only plain subscriptions, and every rules message must reach
        // every alert operator: one unshared reader.
        SingleOutputStreamOperator<AlertRules> rules = env
                .fromSource(JobMqtt.source(options, RulesParser.TOPIC, CLIENT_ID_PREFIX + "-rules").broadcast().build(),
                        WatermarkStrategy.noWatermarks(), "telemetry: rules mqtt").uid("telemetry-rules-mqtt").setParallelism(1)
                .process(new ParseStep<>("telemetry", new RulesParser(), AlertRules.class))
                .name("telemetry: parse rules").uid("telemetry-parse-rules").setParallelism(1);

        PipelineTaps health = new PipelineTaps("telemetry");
        health.count(readings, CountedAs.RECEIVED);
        TelemetryStreams streams = TelemetryPipeline.process(readings, rules, QualitySettings.DEFAULTS, jdbc);
        AlertStreams alerts = streams.alerts();
        DataStream<ScoredReading> scored = streams.scored();
        SingleOutputStreamOperator<DeviceStatus> status = streams.status();

        alerts.alerts().sinkTo(UpsertSink.into(Alert.TABLE, jdbc)).name("mysql: alerts").uid("mysql-alerts");
        health.count(readings.getSideOutput(ParseStep.REJECTED), CountedAs.INVALID)
                .union(health.count(streams.late(), CountedAs.LATE), rules.getSideOutput(ParseStep.REJECTED))
                .sinkTo(UpsertSink.into(RejectedMessage.TABLE, jdbc)).name("mysql: rejected_messages").uid("mysql-rejected");
        health.count(streams.duplicates(), CountedAs.DUPLICATE);
        health.count(streams.readings(), CountedAs.ACCEPTED);
        health.writeTo(jdbc);
        alerts.events().sinkTo(JobMqtt.sink(options, CLIENT_ID_PREFIX + "-events", AlertEvent.MQTT)).name("mqtt: alerts").uid("mqtt-alerts");
        alerts.commands().sinkTo(JobMqtt.sink(options, CLIENT_ID_PREFIX + "-commands", DeviceCommand.MQTT)).name("mqtt: commands").uid("mqtt-commands");
        // Raw values are visible within about a quarter of a second of their arrival (a batch
        // waits at most that long); their scores join the same points once the watermark has passed them.
        TimeSeriesSetup.sink(options, new TelemetryPoints(), RAW_FLUSH_INTERVAL)
                .ifPresent(sink -> streams.readings().sinkTo(sink).name("influxdb: telemetry").uid("influx-telemetry-raw"));
        TimeSeriesSetup.sink(options, new ScorePoints())
                .ifPresent(sink -> scored.sinkTo(sink).name("influxdb: telemetry scores").uid("influx-telemetry"));

        status.sinkTo(UpsertSink.into(DeviceStatus.TABLE, jdbc)).name("mysql: device_status").uid("mysql-device-status");
        status.getSideOutput(DeviceStatusTracker.REGISTRATIONS)
                .sinkTo(UpsertSink.into(Device.REGISTRATION, jdbc)).name("mysql: devices").uid("mysql-devices");
        TimeSeriesSetup.sink(options, new HealthPoints()).ifPresent(sink -> status.getSideOutput(DeviceStatusTracker.HEALTH_CHANGES)
                .sinkTo(sink).name("influxdb: device health").uid("influx-device-health"));
    }
}

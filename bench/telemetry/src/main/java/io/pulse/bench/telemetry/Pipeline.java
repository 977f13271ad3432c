package io.pulse.bench.telemetry;

import io.pulse.bench.CountingSink;
import io.pulse.bench.ThenIdle;
import io.pulse.connectors.mqtt.MqttMessage;
import io.pulse.jobs.ingest.ParseStep;
import io.pulse.jobs.ingest.RejectedMessage;
import io.pulse.jobs.storage.JdbcSettings;
import io.pulse.jobs.storage.UpsertSink;
import io.pulse.jobs.telemetry.MetricRanges;
import io.pulse.jobs.telemetry.Reading;
import io.pulse.jobs.telemetry.TelemetryPipeline;
import io.pulse.jobs.telemetry.TelemetryStreams;
import io.pulse.jobs.telemetry.TelemetryParser;
import io.pulse.jobs.telemetry.alerts.Alert;
import io.pulse.jobs.telemetry.alerts.AlertEvent;
import io.pulse.jobs.telemetry.alerts.AlertStreams;
import io.pulse.jobs.telemetry.health.DeviceStatus;
import io.pulse.jobs.telemetry.quality.QualitySettings;
import io.pulse.jobs.telemetry.quality.ScoredReading;
import io.pulse.jobs.telemetry.rules.AlertRules;
import io.pulse.jobs.telemetry.rules.RulesParser;
import io.pulse.jobs.telemetry.status.Device;
import io.pulse.jobs.telemetry.status.DeviceStatusTracker;

import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.api.connector.source.util.ratelimit.RateLimiterStrategy;
import org.apache.flink.connector.datagen.source.DataGeneratorSource;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * The telemetry job as {@code TelemetryJob.build} composes it, fed by generators instead of MQTT:
 * the contract's JSON messages through the job's parse step ({@link #wholeJob}), or parsed
 * {@link Reading}s straight into its processing, {@code TelemetryPipeline.process}
 * ({@link #job}). Differences, all on the edges: the rules come from one retained-style rules
 * message in a bounded source (not MQTT); the MQTT sinks (alert events, commands) and the
 * InfluxDB sinks (scores, health) are counting no-op sinks in both modes; the MySQL sinks are
 * counting no-op sinks, or the real {@code UpsertSink}s into MariaDB.
 */
final class Pipeline {

    /** The rules message the job starts with: the contract's defaults and a fan command on OVERHEAT. */
    static final String RULES_JSON = """
            {"version": 1,
             "defaults": {
               "OVERHEAT": {"threshold": 75, "hysteresis": 2},
               "HIGH_VIBRATION": {"threshold": 1.5, "hysteresis": 0.2},
               "LOW_BATTERY": {"threshold": 30, "critical": 10, "hysteresis": 2},
               "BATTERY_DROP": {"threshold": 10},
               "ANOMALY_BURST": {"enabled": true},
               "FIRE_RISK": {"threshold": 400},
               "OFFLINE": {"afterSeconds": 15}},
             "commands": {"OVERHEAT": {"opened": {"command": "fan", "state": "on"},
                                       "resolved": {"command": "fan", "state": "off"}}}}
            """;

    private Pipeline() {}

    /**
     * Parsed readings, {@code count} of them, from a generator at {@code parallelism} subtasks (as
     * the job's MQTT source runs at the job's parallelism), interleaved so that event time advances
     * evenly in every subtask; {@code count} must divide evenly.
     */
    static SingleOutputStreamOperator<Reading> readings(StreamExecutionEnvironment env, int devices, long count, int parallelism) {
        DataGeneratorSource<Reading> source = new DataGeneratorSource<>(
                new BenchReadings.Readings(devices, evenly(count, parallelism), parallelism), count,
                RateLimiterStrategy.noOp(), TypeInformation.of(Reading.class));
        return env.fromSource(source, WatermarkStrategy.noWatermarks(), "telemetry: generator").setParallelism(parallelism);
    }

    /** The contract's JSON messages for the same readings, from a generator as {@link #readings}. */
    static SingleOutputStreamOperator<MqttMessage> messages(StreamExecutionEnvironment env, int devices, long count, int parallelism) {
        DataGeneratorSource<MqttMessage> source = new DataGeneratorSource<>(
                new BenchReadings.Messages(devices, evenly(count, parallelism), parallelism), count,
                RateLimiterStrategy.noOp(), TypeInformation.of(MqttMessage.class));
        return env.fromSource(source, WatermarkStrategy.noWatermarks(), "telemetry: json generator").setParallelism(parallelism);
    }

    /** The job's parse step (TelemetryJob's, chained to its source): JSON messages to readings, rejects on the side. */
    static SingleOutputStreamOperator<Reading> parsed(DataStream<MqttMessage> messages) {
        return messages.process(new ParseStep<>("telemetry", new TelemetryParser(MetricRanges.CONTRACT), Reading.class))
                .setParallelism(messages.getParallelism()).name("telemetry: parse");
    }

    /** Readings from one generator task that stays up after them ({@link ThenIdle}), idle markers dropped. */
    static DataStream<Reading> readingsThenIdle(StreamExecutionEnvironment env, int devices, long count) {
        ThenIdle<Reading> generator = ThenIdle.start(new BenchReadings.Readings(devices, count, 1), count,
                k -> new Reading("", 0, Map.of("idle", 0.0)));
        DataGeneratorSource<Reading> source = new DataGeneratorSource<>(generator, Long.MAX_VALUE,
                RateLimiterStrategy.noOp(), TypeInformation.of(Reading.class));
        return env.fromSource(source, WatermarkStrategy.noWatermarks(), "telemetry: generator").setParallelism(1)
                .filter(r -> !r.deviceId().isEmpty()).setParallelism(1).name("telemetry: drop idle markers");
    }

    /** (b) The ceiling: the JSON messages into a discarding sink, nothing else. */
    static void harnessOnly(StreamExecutionEnvironment env, int devices, long count, int parallelism) {
        messages(env, devices, count, parallelism)
                .sinkTo(new CountingSink<>("harness: messages")).setParallelism(parallelism).name("discard messages");
    }

    /** (c) The parse step alone: JSON messages through ParseStep(TelemetryParser), readings discarded. */
    static void parseOnly(StreamExecutionEnvironment env, int devices, long count, int parallelism) {
        SingleOutputStreamOperator<Reading> readings = parsed(messages(env, devices, count, parallelism));
        readings.sinkTo(new CountingSink<>("parse: readings")).setParallelism(parallelism).name("discard readings");
        readings.getSideOutput(ParseStep.REJECTED).sinkTo(new CountingSink<>("parse: rejected")).name("discard rejected");
    }

    /** (a) The whole job from the contract's JSON: parse step, processing and sinks as {@link #job}. */
    static void wholeJob(StreamExecutionEnvironment env, int devices, long count, int parallelism, JdbcSettings jdbc) {
        SingleOutputStreamOperator<Reading> readings = parsed(messages(env, devices, count, parallelism));
        job(env, readings, readings.getSideOutput(ParseStep.REJECTED), jdbc);
    }

    private static long evenly(long count, int parallelism) {
        if (count % parallelism != 0) {
            throw new IllegalArgumentException("readings (" + count + ") must be a multiple of the parallelism (" + parallelism + ")");
        }
        return count;
    }

    /**
     * The job from the parsed readings on; {@code rejected} are the parse step's rejects, if there is
     * one. {@code jdbc} null: every sink counts and discards; otherwise the MySQL tables are written
     * by UpsertSink as in the job.
     */
    static void job(StreamExecutionEnvironment env, DataStream<Reading> source, DataStream<RejectedMessage> rejected,
                    JdbcSettings jdbc) {
        // the rules: one message from a bounded source instead of MQTT
        MqttMessage rulesMessage = new MqttMessage(RulesParser.TOPIC, RULES_JSON.getBytes(StandardCharsets.UTF_8),
                1, true, null, Map.of());
        SingleOutputStreamOperator<AlertRules> rules = env
                .fromData(List.of(rulesMessage), TypeInformation.of(MqttMessage.class)).setParallelism(1)
                .process(new ParseStep<>("telemetry", new RulesParser(), AlertRules.class))
                .name("telemetry: parse rules").uid("telemetry-parse-rules").setParallelism(1);

        // The job's own processing (TelemetryPipeline, as TelemetryJob.build calls it); the
        // registry is read only when real sinks (and so a devices table) are there.
        TelemetryStreams streams = TelemetryPipeline.process(source, rules, QualitySettings.DEFAULTS, jdbc);
        AlertStreams alerts = streams.alerts();
        DataStream<ScoredReading> scored = streams.scored();

        alerts.alerts().sinkTo(sink(Alert.TABLE, jdbc, "mysql: alerts")).name("mysql: alerts").uid("mysql-alerts");
        DataStream<RejectedMessage> allRejected = streams.late().union(rules.getSideOutput(ParseStep.REJECTED));
        (rejected == null ? allRejected : allRejected.union(rejected))
                .sinkTo(sink(RejectedMessage.TABLE, jdbc, "mysql: rejected_messages"))
                .name("mysql: rejected_messages").uid("mysql-rejected");
        alerts.events().sinkTo(new CountingSink<AlertEvent>("mqtt: alerts")).name("mqtt: alerts (discarded)");
        alerts.commands().sinkTo(new CountingSink<>("mqtt: commands")).name("mqtt: commands (discarded)");
        streams.readings().sinkTo(new CountingSink<>("influxdb: telemetry")).name("influxdb: telemetry (discarded)");
        scored.sinkTo(new CountingSink<>("influxdb: telemetry scores")).name("influxdb: telemetry scores (discarded)");

        SingleOutputStreamOperator<DeviceStatus> status = streams.status();
        status.sinkTo(sink(DeviceStatus.TABLE, jdbc, "mysql: device_status")).name("mysql: device_status").uid("mysql-device-status");
        status.getSideOutput(DeviceStatusTracker.REGISTRATIONS)
                .sinkTo(sink(Device.REGISTRATION, jdbc, "mysql: devices")).name("mysql: devices").uid("mysql-devices");
        status.getSideOutput(DeviceStatusTracker.HEALTH_CHANGES)
                .sinkTo(new CountingSink<>("influxdb: device health")).name("influxdb: device health (discarded)");
    }

    private static <T> Sink<T> sink(io.pulse.jobs.storage.UpsertTable<T> table, JdbcSettings jdbc, String name) {
        return jdbc == null ? new CountingSink<>(name) : UpsertSink.into(table, jdbc);
    }
}

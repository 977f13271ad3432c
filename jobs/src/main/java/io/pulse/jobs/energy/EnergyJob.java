package io.pulse.jobs.energy;

import io.pulse.jobs.energy.daily.DailyEnergy;
import io.pulse.jobs.energy.windows.EnergyWindow;
import io.pulse.jobs.energy.windows.WindowPoints;
import io.pulse.jobs.ingest.ParseStep;
import io.pulse.jobs.ingest.RejectedMessage;
import io.pulse.jobs.options.JobOptions;
import io.pulse.jobs.pipeline.CountedAs;
import io.pulse.jobs.pipeline.PipelineTaps;
import io.pulse.jobs.storage.JdbcSettings;
import io.pulse.jobs.storage.StorageSetup;
import io.pulse.jobs.storage.TimeSeriesSetup;
import io.pulse.jobs.storage.UpsertSink;
import io.pulse.jobs.wiring.JobMqtt;

import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

import java.util.function.UnaryOperator;

/**
 * The energy job: energy/meters/+/readings → parse and validate → event time → per meter: dedup,
 * late (60 s allowed), power integrated into 5-minute windows → daily totals per meter and for the
 * campus. Writes energy_5min, energy_daily and rejected_messages to MySQL, and readings at full
 * resolution plus the window rows to InfluxDB when it is configured.
 */
public final class EnergyJob {

    public static final String CLIENT_ID_PREFIX = "pulse-energy";

    private EnergyJob() {}

    /** Adds the job's operators to {@code env}; the caller executes it. */
    public static void build(StreamExecutionEnvironment env, JobOptions options) {
        build(env, options, UnaryOperator.identity());
    }

    /** The same, with {@code tap} applied to the valid readings (tests inject a failure there). */
    static void build(StreamExecutionEnvironment env, JobOptions options, UnaryOperator<DataStream<MeterReading>> tap) {
        JdbcSettings jdbc = StorageSetup.settings(options);

        SingleOutputStreamOperator<MeterReading> readings = env
                .fromSource(JobMqtt.source(options, MeterParser.TOPIC.filter(), CLIENT_ID_PREFIX).build(),
                        WatermarkStrategy.noWatermarks(), "energy: mqtt").uid("energy-mqtt").setParallelism(JobMqtt.READERS)
                .process(new ParseStep<>("energy", new MeterParser(), MeterReading.class))
                .name("energy: parse").uid("energy-parse").setParallelism(JobMqtt.READERS);

        PipelineTaps health = new PipelineTaps("energy");
        health.count(readings, CountedAs.RECEIVED);
        EnergyStreams streams = EnergyPipeline.process(tap.apply(readings), EnergySettings.CONTRACT);

        streams.windows().sinkTo(UpsertSink.into(EnergyWindow.TABLE, jdbc)).name("mysql: energy_5min").uid("mysql-energy-5min");
        streams.daily().sinkTo(UpsertSink.into(DailyEnergy.TABLE, jdbc)).name("mysql: energy_daily").uid("mysql-energy-daily");
        health.count(readings.getSideOutput(ParseStep.REJECTED), CountedAs.INVALID)
                .union(health.count(streams.late(), CountedAs.LATE))
                .sinkTo(UpsertSink.into(RejectedMessage.TABLE, jdbc)).name("mysql: rejected_messages").uid("energy-mysql-rejected");
        health.count(streams.duplicates(), CountedAs.DUPLICATE);
        health.count(streams.accepted(), CountedAs.ACCEPTED);
        health.writeTo(jdbc);
        TimeSeriesSetup.sink(options, new MeterPoints())
                .ifPresent(sink -> streams.accepted().sinkTo(sink).name("influxdb: meter readings").uid("influx-meter"));
        TimeSeriesSetup.sink(options, new WindowPoints())
                .ifPresent(sink -> streams.windows().sinkTo(sink).name("influxdb: energy_5min").uid("influx-energy-5min"));
    }
}

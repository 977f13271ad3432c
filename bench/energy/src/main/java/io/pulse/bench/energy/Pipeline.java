package io.pulse.bench.energy;

import io.pulse.bench.CountingSink;
import io.pulse.jobs.energy.EnergyPipeline;
import io.pulse.jobs.energy.EnergySettings;
import io.pulse.jobs.energy.EnergyStreams;
import io.pulse.jobs.energy.MeterReading;
import io.pulse.jobs.energy.daily.DailyEnergy;
import io.pulse.jobs.energy.windows.EnergyWindow;
import io.pulse.jobs.ingest.RejectedMessage;
import io.pulse.jobs.storage.JdbcSettings;
import io.pulse.jobs.storage.UpsertSink;
import io.pulse.jobs.storage.UpsertTable;

import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.api.connector.source.util.ratelimit.RateLimiterStrategy;
import org.apache.flink.connector.datagen.source.DataGeneratorSource;
import org.apache.flink.connector.datagen.source.GeneratorFunction;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/**
 * The energy job's processing, {@code EnergyPipeline.process} (what {@code EnergyJob.build} runs
 * between its MQTT source + parse step and its sinks), fed by a generator of parsed readings.
 * The MySQL sinks count and discard, or are the real {@code UpsertSink}s; the InfluxDB sinks
 * always count and discard.
 */
final class Pipeline {

    static final String WINDOWS = "mysql: energy_5min";
    static final String DAILY = "mysql: energy_daily";
    static final String REJECTED = "mysql: rejected_messages";
    static final String POINTS = "influxdb: meter readings";

    private Pipeline() {}

    /** The readings source: one generator task, so event time advances evenly for every meter. */
    static DataStream<MeterReading> readings(StreamExecutionEnvironment env, GeneratorFunction<Long, MeterReading> generator,
                                             long count) {
        DataGeneratorSource<MeterReading> source = new DataGeneratorSource<>(generator, count, RateLimiterStrategy.noOp(),
                TypeInformation.of(MeterReading.class));
        return env.fromSource(source, WatermarkStrategy.noWatermarks(), "energy: generator").setParallelism(1)
                .filter(r -> !r.meterId().isEmpty()).setParallelism(1).name("energy: drop idle markers");
    }

    /** The baseline: the same readings into a discarding sink, nothing else. */
    static void harnessOnly(StreamExecutionEnvironment env, int meters, long count) {
        readings(env, new BenchMeters.Readings(meters), count)
                .sinkTo(new CountingSink<>("harness: readings")).setParallelism(1).name("discard readings");
    }

    /** The job from the parsed readings on; {@code jdbc} null: the MySQL sinks count and discard. */
    static void job(StreamExecutionEnvironment env, DataStream<MeterReading> source, JdbcSettings jdbc) {
        EnergyStreams streams = EnergyPipeline.process(source, EnergySettings.CONTRACT);
        streams.windows().sinkTo(sink(EnergyWindow.TABLE, jdbc, WINDOWS)).name(WINDOWS);
        streams.daily().sinkTo(sink(DailyEnergy.TABLE, jdbc, DAILY)).name(DAILY);
        streams.late().sinkTo(sink(RejectedMessage.TABLE, jdbc, REJECTED)).name(REJECTED);
        streams.accepted().sinkTo(new CountingSink<>(POINTS)).name(POINTS + " (discarded)");
        streams.windows().sinkTo(new CountingSink<>("influxdb: energy_5min")).name("influxdb: energy_5min (discarded)");
    }

    private static <T> Sink<T> sink(UpsertTable<T> table, JdbcSettings jdbc, String name) {
        return jdbc == null ? new CountingSink<>(name) : UpsertSink.into(table, jdbc);
    }
}

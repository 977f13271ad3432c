package io.pulse.bench.movement;

import io.pulse.bench.CountingSink;
import io.pulse.connectors.mqtt.MqttMessage;
import io.pulse.jobs.ingest.ParseStep;
import io.pulse.jobs.movement.MovementPipeline;
import io.pulse.jobs.movement.MovementSettings;
import io.pulse.jobs.movement.MovementStreams;
import io.pulse.jobs.movement.direction.MovementEvent;
import io.pulse.jobs.movement.ingest.Pseudonyms;
import io.pulse.jobs.movement.ingest.Sighting;
import io.pulse.jobs.movement.ingest.SightingParser;
import io.pulse.jobs.movement.occupancy.Occupancy;
import io.pulse.jobs.movement.traffic.GateTraffic;
import io.pulse.jobs.movement.visits.Anomaly;
import io.pulse.jobs.movement.visits.Visit;
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
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/**
 * The movement job's processing, {@code MovementPipeline.process} (what {@code MovementJob.build}
 * runs between its MQTT source with the parse step and its sinks), fed by a generator of parsed
 * sightings; the parse step (JSON, MAC validation, HMAC) is measured alone by {@link #parseOnly}.
 * Sinks are counting no-op sinks, or the real {@code UpsertSink}s into MariaDB.
 */
final class Pipeline {

    private Pipeline() {}

    /** One generator task, so event time advances evenly for everyone. */
    static DataStream<Sighting> sightings(StreamExecutionEnvironment env, GeneratorFunction<Long, Sighting> generator, long count) {
        return env.fromSource(new DataGeneratorSource<>(generator, count, RateLimiterStrategy.noOp(), TypeInformation.of(Sighting.class)),
                WatermarkStrategy.noWatermarks(), "movement: generator").setParallelism(1)
                .map(new Attempts<Sighting>()).returns(TypeInformation.of(Sighting.class)).setParallelism(1).name("movement: attempts");
    }

    /** (b) the ceiling: the generator into a discarding sink. */
    static void harnessOnly(StreamExecutionEnvironment env, int people, int perSecond, long count) {
        sightings(env, new BenchSightings.Parsed(people, perSecond), count)
                .sinkTo(new CountingSink<>("harness: sightings")).setParallelism(1).name("discard sightings");
    }

    /** (c) JSON with raw MACs through ParseStep(SightingParser), sightings discarded. */
    static void parseOnly(StreamExecutionEnvironment env, int people, int perSecond, long count) {
        SingleOutputStreamOperator<Sighting> parsed = env
                .fromSource(new DataGeneratorSource<>(new BenchSightings.Messages(people, perSecond), count, RateLimiterStrategy.noOp(),
                        TypeInformation.of(MqttMessage.class)), WatermarkStrategy.noWatermarks(), "movement: json generator")
                .process(new ParseStep<>("movement", new SightingParser(new Pseudonyms(BenchSightings.KEY)), Sighting.class))
                .name("movement: parse");
        parsed.sinkTo(new CountingSink<>("parse: sightings")).name("discard sightings");
        parsed.getSideOutput(ParseStep.REJECTED).sinkTo(new CountingSink<>("parse: rejected")).name("discard rejected");
    }

    /** (a) the job from the parsed sightings on; {@code jdbc} null: every sink discards. */
    static void job(StreamExecutionEnvironment env, DataStream<Sighting> sightings, JdbcSettings jdbc) {
        MovementStreams streams = MovementPipeline.process(sightings, MovementSettings.contract(null));
        streams.visits().sinkTo(sink(Visit.TABLE, jdbc, "mysql: visits")).name("mysql: visits");
        streams.events().sinkTo(sink(MovementEvent.TABLE, jdbc, "mysql: movement_events")).name("mysql: movement_events");
        streams.anomalies().sinkTo(sink(Anomaly.TABLE, jdbc, "mysql: movement_anomalies")).name("mysql: movement_anomalies");
        streams.occupancy().sinkTo(sink(Occupancy.TABLE, jdbc, "mysql: occupancy")).name("mysql: occupancy");
        streams.traffic().sinkTo(sink(GateTraffic.TABLE, jdbc, "mysql: gate_traffic_hourly")).name("mysql: gate_traffic_hourly");
        streams.late().sinkTo(sink(RejectedMessage.TABLE, jdbc, "mysql: rejected_messages")).name("mysql: rejected_messages");
        streams.occupancy().sinkTo(new CountingSink<>("influxdb: occupancy")).name("influxdb: occupancy (discarded)");
        streams.traffic().sinkTo(new CountingSink<>("influxdb: gate traffic")).name("influxdb: gate traffic (discarded)");
    }

    private static <T> Sink<T> sink(UpsertTable<T> table, JdbcSettings jdbc, String name) {
        return jdbc == null ? new CountingSink<>(name) : UpsertSink.into(table, jdbc);
    }
}

package io.pulse.jobs.movement;

import io.pulse.jobs.ingest.ParseStep;
import io.pulse.jobs.ingest.RejectedMessage;
import io.pulse.jobs.movement.direction.MovementEvent;
import io.pulse.jobs.movement.ingest.PseudonymKey;
import io.pulse.jobs.movement.ingest.Pseudonyms;
import io.pulse.jobs.movement.ingest.Sighting;
import io.pulse.jobs.movement.ingest.SightingParser;
import io.pulse.jobs.movement.occupancy.Occupancy;
import io.pulse.jobs.movement.occupancy.OccupancyPoints;
import io.pulse.jobs.movement.traffic.GateTraffic;
import io.pulse.jobs.movement.traffic.TrafficPoints;
import io.pulse.jobs.movement.visits.Anomaly;
import io.pulse.jobs.movement.visits.QuietHours;
import io.pulse.jobs.movement.visits.Visit;
import io.pulse.jobs.options.JobOptions;
import io.pulse.jobs.pipeline.CountedAs;
import io.pulse.jobs.pipeline.PipelineTaps;
import io.pulse.jobs.options.Option;
import io.pulse.jobs.options.OptionsException;
import io.pulse.jobs.storage.JdbcSettings;
import io.pulse.jobs.storage.StorageSetup;
import io.pulse.jobs.storage.TimeSeriesSetup;
import io.pulse.jobs.storage.UpsertSink;
import io.pulse.jobs.wiring.JobMqtt;

import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * The movement job: campus/gates/+/sightings → validate and pseudonymize (no raw MAC goes
 * further) → {@link MovementPipeline} → visits, movement events, anomalies, occupancy, hourly
 * traffic and rejected messages (MACs masked) in MySQL; occupancy and traffic in InfluxDB when
 * configured.
 */
public final class MovementJob {

    public static final String CLIENT_ID_PREFIX = "pulse-movement";

    private MovementJob() {}

    /** Adds the job's operators to {@code env}; the caller executes it. */
    public static void build(StreamExecutionEnvironment env, JobOptions options) {
        build(env, options, System.getenv(), UnaryOperator.identity());
    }

    /** @param afterParse applied to the parsed sightings (tests insert an injected failure there) */
    static void build(StreamExecutionEnvironment env, JobOptions options, Map<String, String> environment,
                      UnaryOperator<DataStream<Sighting>> afterParse) {
        Pseudonyms pseudonyms = new Pseudonyms(PseudonymKey.resolve(options, environment));
        MovementSettings settings = MovementSettings.contract(quietHours(options));
        JdbcSettings jdbc = StorageSetup.settings(options);

        SingleOutputStreamOperator<Sighting> sightings = env
                .fromSource(JobMqtt.source(options, SightingParser.TOPIC.filter(), CLIENT_ID_PREFIX).build(),
                        WatermarkStrategy.noWatermarks(), "movement: mqtt").uid("movement-mqtt").setParallelism(JobMqtt.READERS)
                .process(new ParseStep<>("movement", new SightingParser(pseudonyms), Sighting.class))
                .name("movement: parse and pseudonymize").uid("movement-parse").setParallelism(JobMqtt.READERS);

        PipelineTaps health = new PipelineTaps("movement");
        health.count(sightings, CountedAs.RECEIVED);
        MovementStreams streams = MovementPipeline.process(afterParse.apply(sightings), settings);

        streams.visits().sinkTo(UpsertSink.into(Visit.TABLE, jdbc)).name("mysql: visits").uid("mysql-visits");
        streams.events().sinkTo(UpsertSink.into(MovementEvent.TABLE, jdbc)).name("mysql: movement_events").uid("mysql-movement-events");
        streams.anomalies().sinkTo(UpsertSink.into(Anomaly.TABLE, jdbc)).name("mysql: movement_anomalies").uid("mysql-movement-anomalies");
        streams.occupancy().sinkTo(UpsertSink.into(Occupancy.TABLE, jdbc)).name("mysql: occupancy").uid("mysql-occupancy");
        streams.traffic().sinkTo(UpsertSink.into(GateTraffic.TABLE, jdbc)).name("mysql: gate_traffic_hourly").uid("mysql-gate-traffic");
        health.count(sightings.getSideOutput(ParseStep.REJECTED), CountedAs.INVALID)
                .union(health.count(streams.late(), CountedAs.LATE))
                .sinkTo(UpsertSink.into(RejectedMessage.TABLE, jdbc)).name("mysql: rejected_messages").uid("mysql-movement-rejected");
        health.count(streams.randomized(), CountedAs.ACCEPTED);
        health.count(streams.paired(), CountedAs.ACCEPTED);
        health.writeTo(jdbc);
        TimeSeriesSetup.sink(options, new OccupancyPoints())
                .ifPresent(sink -> streams.occupancy().sinkTo(sink).name("influxdb: occupancy").uid("influx-occupancy"));
        TimeSeriesSetup.sink(options, new TrafficPoints())
                .ifPresent(sink -> streams.traffic().sinkTo(sink).name("influxdb: gate traffic").uid("influx-gate-traffic"));
    }

    /** The configured quiet hours, or null; a malformed value is one clear line. */
    public static QuietHours quietHours(JobOptions options) {
        if (!options.has(Option.MOVEMENT_QUIET_HOURS)) {
            return null;
        }
        try {
            return QuietHours.parse(options.get(Option.MOVEMENT_QUIET_HOURS).orElseThrow());
        } catch (IllegalArgumentException e) {
            throw new OptionsException(Option.MOVEMENT_QUIET_HOURS.flag() + " " + e.getMessage());
        }
    }
}

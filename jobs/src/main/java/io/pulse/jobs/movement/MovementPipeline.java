package io.pulse.jobs.movement;

import io.pulse.jobs.movement.direction.Debounce;
import io.pulse.jobs.movement.direction.Direction;
import io.pulse.jobs.movement.direction.DualZone;
import io.pulse.jobs.movement.direction.LaneDirection;
import io.pulse.jobs.movement.direction.MovementEvent;
import io.pulse.jobs.movement.ingest.Sighting;
import io.pulse.jobs.movement.occupancy.Occupancy;
import io.pulse.jobs.movement.occupancy.OccupancyChange;
import io.pulse.jobs.movement.occupancy.OccupancyCounter;
import io.pulse.jobs.movement.traffic.GateTraffic;
import io.pulse.jobs.movement.traffic.HourlyTraffic;
import io.pulse.jobs.movement.traffic.TrafficEvent;
import io.pulse.jobs.movement.visits.Anomaly;
import io.pulse.jobs.movement.visits.Visit;
import io.pulse.jobs.movement.visits.VisitPairing;
import io.pulse.jobs.serialization.StringKeyTypeInfo;

import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.util.Collector;


/**
 * The movement job's processing, from pseudonymized sightings to its result streams: event time
 * (30 s out of order) → randomized MACs only counted → debounce per person and scanner → direction
 * (lane scanners directly, dual-zone gates by CEP) → visits per person → occupancy per gate and
 * campus, traffic per gate and hour. Sources and sinks are the caller's.
 */
public final class MovementPipeline {


    private MovementPipeline() {}

    /** @param sightings valid sightings without timestamps (assigned here from {@code ts}) */
    public static MovementStreams process(DataStream<Sighting> sightings, MovementSettings settings) {
        SingleOutputStreamOperator<Sighting> timed = sightings
                .assignTimestampsAndWatermarks(WatermarkStrategy.<Sighting>forBoundedOutOfOrderness(settings.outOfOrder())
                        .withTimestampAssigner((s, previous) -> s.ts()))
                .name("movement: event time").uid("movement-event-time")
                .setParallelism(sightings.getParallelism()); // one watermark, chained to the one reader

        SingleOutputStreamOperator<Sighting> randomized = timed.filter(Sighting::randomized).name("movement: randomized");
        DataStream<TrafficEvent> anonymous = randomized
                .map(s -> new TrafficEvent(s.gate(), s.ts(), TrafficEvent.Kind.RANDOMIZED))
                .returns(TypeInformation.of(TrafficEvent.class)).name("movement: anonymous traffic");

        SingleOutputStreamOperator<Sighting> debounced = timed.filter(s -> !s.randomized()).name("movement: paired MACs")
                .keyBy(Sighting::personAtScanner, StringKeyTypeInfo.INSTANCE)
                .process(new Debounce(settings.debounce())).name("movement: debounce").uid("movement-debounce");

        DataStream<MovementEvent> lanes = debounced.filter(s -> s.role().lane()).name("movement: lane sightings")
                .map(LaneDirection::of).returns(TypeInformation.of(MovementEvent.class)).name("movement: lane direction");
        SingleOutputStreamOperator<MovementEvent> zones = DualZone.crossings(
                debounced.filter(s -> !s.role().lane()).name("movement: zone sightings"), settings.dualZoneWithin());
        zones.name("movement: dual-zone direction").uid("movement-dual-zone");
        DataStream<MovementEvent> events = lanes.union(zones);

        SingleOutputStreamOperator<Visit> visits = events
                .keyBy(MovementEvent::personId, StringKeyTypeInfo.INSTANCE)
                .process(new VisitPairing(settings.visits())).name("movement: visits").uid("movement-visits");

        DataStream<Occupancy> occupancy = visits.getSideOutput(VisitPairing.OCCUPANCY)
                .flatMap(MovementPipeline::perGateAndCampus).returns(TypeInformation.of(OccupancyChange.class))
                .name("movement: gate and campus")
                .keyBy(OccupancyChange::gate, StringKeyTypeInfo.INSTANCE)
                .process(new OccupancyCounter()).name("movement: occupancy").uid("movement-occupancy");

        DataStream<GateTraffic> traffic = events
                .map(e -> new TrafficEvent(e.gate(), e.ts(),
                        e.direction() == Direction.ENTRY ? TrafficEvent.Kind.ENTRY : TrafficEvent.Kind.EXIT))
                .returns(TypeInformation.of(TrafficEvent.class)).name("movement: gate crossings")
                .union(anonymous)
                .keyBy(TrafficEvent::gate, StringKeyTypeInfo.INSTANCE)
                .process(new HourlyTraffic()).name("movement: hourly traffic").uid("movement-traffic");

        DataStream<Anomaly> anomalies = visits.getSideOutput(VisitPairing.ANOMALIES);
        return new MovementStreams(events, visits, anomalies, occupancy, traffic, debounced.getSideOutput(Debounce.LATE),
                randomized, debounced.getSideOutput(Debounce.ACCEPTED));
    }

    private static void perGateAndCampus(OccupancyChange change, Collector<OccupancyChange> out) {
        out.collect(change);
        out.collect(new OccupancyChange(Occupancy.CAMPUS, change.ts(), change.delta()));
    }
}

package io.pulse.jobs.movement;

import io.pulse.jobs.ingest.RejectedMessage;
import io.pulse.jobs.movement.direction.MovementEvent;
import io.pulse.jobs.movement.ingest.Sighting;
import io.pulse.jobs.movement.occupancy.Occupancy;
import io.pulse.jobs.movement.traffic.GateTraffic;
import io.pulse.jobs.movement.visits.Anomaly;
import io.pulse.jobs.movement.visits.Visit;

import org.apache.flink.streaming.api.datastream.DataStream;

/** What the movement processing produces, for the job (or its benchmark) to send somewhere. */
public record MovementStreams(
        DataStream<MovementEvent> events,
        DataStream<Visit> visits,
        DataStream<Anomaly> anomalies,
        DataStream<Occupancy> occupancy,
        DataStream<GateTraffic> traffic,
        DataStream<RejectedMessage> late,
        /** Sightings of randomized MACs: counted as traffic, never late. */
        DataStream<Sighting> randomized,
        /** Sightings of paired MACs that were not late (debounced or not). */
        DataStream<Sighting> paired) {
}

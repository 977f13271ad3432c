package io.pulse.jobs.movement.traffic;

import io.pulse.jobs.storage.UpsertTable;

import java.time.Instant;

/** A row of {@code gate_traffic_hourly}: the counts of one gate and UTC hour so far. */
public record GateTraffic(String gate, long hourStart, long entries, long exits, long randomizedSightings) {

    public static final UpsertTable<GateTraffic> TABLE = UpsertTable.<GateTraffic>into("gate_traffic_hourly")
            .key("gate", GateTraffic::gate)
            .key("hour_start", t -> Instant.ofEpochMilli(t.hourStart()))
            .column("entries", GateTraffic::entries)
            .column("exits", GateTraffic::exits)
            .column("randomized_sightings", GateTraffic::randomizedSightings)
            .build();
}

package io.pulse.jobs.movement.occupancy;

import io.pulse.jobs.storage.UpsertTable;

import java.time.Instant;

/** People inside at {@code at}, through {@code gate} or on the whole campus ({@value #CAMPUS}). */
public record Occupancy(String gate, long at, int inside) {

    public static final String CAMPUS = "*";

    public static final UpsertTable<Occupancy> TABLE = UpsertTable.<Occupancy>into("occupancy")
            .key("gate", Occupancy::gate)
            .key("at", o -> Instant.ofEpochMilli(o.at()))
            .column("inside", Occupancy::inside)
            .build();
}

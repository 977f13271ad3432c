package io.pulse.jobs.movement.direction;

import io.pulse.jobs.movement.serialization.MovementEventSerializer;
import io.pulse.jobs.storage.UpsertTable;

import org.apache.flink.api.common.typeinfo.TypeInfo;

import java.time.Instant;

/**
 * A person crossed a gate: an ENTRY or EXIT at {@code ts} (epoch ms UTC). Stored in
 * {@code movement_events} for recent activity; (person, ts, direction) identifies it.
 */
@TypeInfo(MovementEventSerializer.Factory.class)
public record MovementEvent(String personId, String gate, Direction direction, long ts, String scanner) {

    public static final UpsertTable<MovementEvent> TABLE = UpsertTable.<MovementEvent>into("movement_events")
            .key("person_id", MovementEvent::personId)
            .key("at", e -> Instant.ofEpochMilli(e.ts()))
            .key("direction", MovementEvent::direction)
            .column("gate", MovementEvent::gate)
            .column("scanner", MovementEvent::scanner)
            .build();
}

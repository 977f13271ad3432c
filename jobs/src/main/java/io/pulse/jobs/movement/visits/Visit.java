package io.pulse.jobs.movement.visits;

import io.pulse.jobs.storage.UpsertTable;

import java.time.Instant;

/**
 * A row of {@code visits}: written when the visit opens (no exit yet) and overwritten when it
 * closes, by an exit or after 16 h with {@code exitUnseen}. Key (person_id, entered_at).
 */
public record Visit(String personId, long enteredAt, Long exitedAt, String entryGate, String exitGate,
                    Long dwellSeconds, boolean exitUnseen) {

    public static final UpsertTable<Visit> TABLE = UpsertTable.<Visit>into("visits")
            .key("person_id", Visit::personId)
            .key("entered_at", v -> Instant.ofEpochMilli(v.enteredAt()))
            .column("exited_at", v -> v.exitedAt() == null ? null : Instant.ofEpochMilli(v.exitedAt()))
            .column("entry_gate", Visit::entryGate)
            .column("exit_gate", Visit::exitGate)
            .column("dwell_seconds", Visit::dwellSeconds)
            .column("exit_unseen", Visit::exitUnseen)
            .build();

    static Visit opened(String personId, long enteredAt, String gate) {
        return new Visit(personId, enteredAt, null, gate, null, null, false);
    }

    static Visit exited(String personId, OpenVisit open, long exitedAt, String exitGate) {
        return new Visit(personId, open.enteredAt(), exitedAt, open.entryGate(), exitGate,
                (exitedAt - open.enteredAt()) / 1000, false);
    }

    static Visit exitUnseen(String personId, OpenVisit open) {
        return new Visit(personId, open.enteredAt(), null, open.entryGate(), null, null, true);
    }
}

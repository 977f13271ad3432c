package io.pulse.jobs.movement.visits;

import io.pulse.jobs.storage.UpsertTable;

import java.time.Instant;

/** A row of {@code movement_anomalies}; (person_id, at, kind) identifies it, so a replay overwrites. */
public record Anomaly(String personId, long at, Kind kind, String gate, String detail) {

    public enum Kind {
        /** An exit of someone who was not inside. */
        ORPHAN_EXIT,
        /** Inside longer than the overstay limit (12 h). */
        OVERSTAY,
        /** Inside during the configured quiet hours. */
        QUIET_HOURS
    }

    public static final UpsertTable<Anomaly> TABLE = UpsertTable.<Anomaly>into("movement_anomalies")
            .key("person_id", Anomaly::personId)
            .key("at", a -> Instant.ofEpochMilli(a.at()))
            .key("kind", Anomaly::kind)
            .column("gate", Anomaly::gate)
            .column("detail", Anomaly::detail)
            .build();
}

package io.pulse.jobs.pipeline;

import io.pulse.jobs.storage.UpsertTable;

import java.time.Instant;

/**
 * One row of MySQL {@code pipeline_health} (migration V3): a job's subtask in one wall-clock
 * minute, rewritten with the minute's totals as they grow. {@code lastCheckpointAt} is null until
 * a checkpoint of this run has completed.
 */
public record PipelineHealthRow(String job, int subtask, Instant minuteStart, long recordsIn, long accepted,
                                long rejected, long late, long duplicates, Instant lastCheckpointAt, Instant updatedAt) {

    public static final UpsertTable<PipelineHealthRow> TABLE = UpsertTable.<PipelineHealthRow>into("pipeline_health")
            .key("job", PipelineHealthRow::job)
            .key("minute_start", PipelineHealthRow::minuteStart)
            .key("subtask", PipelineHealthRow::subtask)
            .column("records_in", PipelineHealthRow::recordsIn)
            .column("accepted", PipelineHealthRow::accepted)
            .column("rejected", PipelineHealthRow::rejected)
            .column("late", PipelineHealthRow::late)
            .column("duplicates", PipelineHealthRow::duplicates)
            .column("last_checkpoint_at", PipelineHealthRow::lastCheckpointAt)
            .column("updated_at", PipelineHealthRow::updatedAt)
            .build();

    static PipelineHealthRow of(PipelineCounts minute, Instant lastCheckpointAt, Instant updatedAt) {
        return new PipelineHealthRow(minute.job(), minute.subtask(), Instant.ofEpochMilli(minute.minuteStart()),
                minute.recordsIn(), minute.accepted(), minute.rejected(), minute.late(), minute.duplicates(),
                lastCheckpointAt, updatedAt);
    }
}

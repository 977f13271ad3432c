package io.pulse.jobs.pipeline;

/**
 * What one counting tap of a job's subtask saw in one wall-clock minute since it last reported:
 * records received (each object of a JSON array counts), accepted (past the lateness and repeat
 * checks), refused (late ones included), refused as late, and dropped as repeats. Each is counted
 * where it happens, not derived: a record is received by the reader's subtask and accepted, refused
 * as late or dropped by its key's, so per subtask "received - refused - repeats" is no count at all.
 * Taps send these small deltas, never one record per message.
 */
public record PipelineCounts(String job, int subtask, long minuteStart,
                             long recordsIn, long accepted, long rejected, long late, long duplicates) {

    public static PipelineCounts none(String job, int subtask, long minuteStart) {
        return new PipelineCounts(job, subtask, minuteStart, 0, 0, 0, 0, 0);
    }

    public PipelineCounts plus(PipelineCounts other) {
        return new PipelineCounts(job, subtask, minuteStart, recordsIn + other.recordsIn, accepted + other.accepted,
                rejected + other.rejected, late + other.late, duplicates + other.duplicates);
    }

    /** The key of the row these counts add to, apart from the minute. */
    public String jobSubtask() {
        return job + "/" + subtask;
    }
}

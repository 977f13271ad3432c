package io.pulse.grafana;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * What the dashboards read but the jobs do not write yet, written here in the exact form the
 * jobs are asked to write it (README, Grafana section). Remove it once the jobs write it: rows
 * of MySQL {@code pipeline_health} (migration V3), one per job, subtask and wall-clock minute,
 * written here from what the script sent each job in this run.
 */
final class PendingJobOutputs {

    private PendingJobOutputs() {}

    /** Per job: what it received in the run, and what it dropped as late or as a repeat. */
    record JobCounts(String job, int recordsIn, int late, int duplicates) {}

    /**
     * One row per job for the minute the script was sent in ({@code sentAt}) and, empty, for each
     * minute after it up to {@code stoppedAt}, when the jobs' last checkpoints completed.
     */
    static void writePipelineHealth(String jdbcUrl, String user, String password, List<JobCounts> jobs,
                                    Instant sentAt, Instant stoppedAt) throws SQLException {
        String sql = "INSERT INTO pipeline_health (job, subtask, minute_start, records_in, accepted, rejected, late, duplicates,"
                + " last_checkpoint_at, updated_at) VALUES (?, 0, ?, ?, ?, ?, ?, ?, ?, ?)";
        try (Connection c = DriverManager.getConnection(jdbcUrl, user, password); PreparedStatement insert = c.prepareStatement(sql)) {
            Instant first = sentAt.truncatedTo(ChronoUnit.MINUTES);
            for (JobCounts job : jobs) {
                for (Instant minute = first; !minute.isAfter(stoppedAt); minute = minute.plus(1, ChronoUnit.MINUTES)) {
                    boolean sending = minute.equals(first);
                    Instant end = minute.plus(1, ChronoUnit.MINUTES).isAfter(stoppedAt) ? stoppedAt : minute.plusSeconds(59);
                    insert.setString(1, job.job());
                    insert.setTimestamp(2, Timestamp.from(minute));
                    insert.setInt(3, sending ? job.recordsIn() : 0);
                    insert.setInt(4, sending ? job.recordsIn() - job.late() - job.duplicates() : 0);
                    insert.setInt(5, sending ? job.late() : 0);
                    insert.setInt(6, sending ? job.late() : 0);
                    insert.setInt(7, sending ? job.duplicates() : 0);
                    insert.setTimestamp(8, Timestamp.from(end.minusMillis(400)));
                    insert.setTimestamp(9, Timestamp.from(end));
                    insert.addBatch();
                }
            }
            insert.executeBatch();
        }
    }
}

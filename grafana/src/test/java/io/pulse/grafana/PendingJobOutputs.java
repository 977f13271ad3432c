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
 * jobs are asked to write it (README, Grafana section). Remove each part once a job writes it:
 * <ol>
 *   <li>{@code anomalous} in InfluxDB {@code telemetry}: an integer field on every scored reading,
 *       1 when any of its metrics has |z| >= 3, else 0 (readings without any score have none).
 *       Derived here from the {@code *_z} fields the telemetry job really wrote.</li>
 *   <li>Rows of MySQL {@code pipeline_health} (migration V3): one per job, subtask and wall-clock
 *       minute. Written here from what the script sent each job in this run.</li>
 * </ol>
 */
final class PendingJobOutputs {

    private PendingJobOutputs() {}

    /** Adds {@code anomalous} to each scored telemetry point, from the job's own z-scores. */
    static int writeAnomalousField(InfluxV1Server influx) {
        StringBuilder lines = new StringBuilder();
        int written = 0;
        for (InfluxResult.Series series : influx.query("SELECT * FROM \"telemetry\"").series()) {
            int time = series.columns().indexOf("time");
            int device = series.columns().indexOf("device");
            for (List<Object> row : series.values()) {
                boolean scored = false;
                boolean anomalous = false;
                for (int i = 0; i < row.size(); i++) {
                    if (series.columns().get(i).endsWith("_z") && row.get(i) instanceof Number z) {
                        scored = true;
                        anomalous |= Math.abs(z.doubleValue()) >= 3;
                    }
                }
                if (scored) {
                    lines.append("telemetry,device=").append(row.get(device)).append(" anomalous=").append(anomalous ? 1 : 0)
                            .append("i ").append(((Number) row.get(time)).longValue()).append('\n');
                    written++;
                }
            }
        }
        influx.write(lines.toString(), "ms");
        return written;
    }

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

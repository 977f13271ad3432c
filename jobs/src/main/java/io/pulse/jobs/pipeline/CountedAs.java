package io.pulse.jobs.pipeline;

/** What a record passing a {@link CountingTap} is, for the job's {@code pipeline_health} rows. */
public enum CountedAs {
    /** A valid record out of the parser: received. */
    RECEIVED(1, 0, 0, 0, 0),
    /** A valid record past the lateness and repeat checks (already counted as received). */
    ACCEPTED(0, 1, 0, 0, 0),
    /** A record the parser refused: received and refused. */
    INVALID(1, 0, 1, 0, 0),
    /** A valid record refused as late (already counted as received): refused, late. */
    LATE(0, 0, 1, 1, 0),
    /** A valid record dropped as a repeat (already counted as received). */
    DUPLICATE(0, 0, 0, 0, 1);

    final int recordsIn;
    final int accepted;
    final int rejected;
    final int late;
    final int duplicates;

    CountedAs(int recordsIn, int accepted, int rejected, int late, int duplicates) {
        this.recordsIn = recordsIn;
        this.accepted = accepted;
        this.rejected = rejected;
        this.late = late;
        this.duplicates = duplicates;
    }
}

package io.pulse.jobs.telemetry.quality;

import java.io.Serializable;
import java.time.Duration;
import java.util.Objects;

/**
 * How the telemetry job judges and scores readings; {@link #DEFAULTS} are the contract's.
 *
 * @param allowedLateness   how far behind the watermark a reading may still be accepted, beyond
 *                          the watermark's own bounded out-of-orderness (contract: none)
 * @param dedupHorizon      how long, on the watermark, a reading's (deviceId, ts) is remembered
 *                          to drop repeats; at least {@code allowedLateness}, since a repeat that
 *                          is not late must still be found
 * @param zWindow           how many previous values of a metric a z-score is taken against
 * @param zThreshold        |z| from which a value is anomalous
 * @param historyRetention  after this long without a reading (event time) a device's z-score
 *                          history is dropped: a device that is gone leaves no state behind
 */
public record QualitySettings(
        Duration allowedLateness,
        Duration dedupHorizon,
        int zWindow,
        double zThreshold,
        Duration historyRetention) implements Serializable {

    public static final QualitySettings DEFAULTS =
            new QualitySettings(Duration.ZERO, Duration.ofSeconds(30), 20, 3.0, Duration.ofHours(24));

    public QualitySettings {
        Objects.requireNonNull(allowedLateness, "allowedLateness");
        Objects.requireNonNull(dedupHorizon, "dedupHorizon");
        Objects.requireNonNull(historyRetention, "historyRetention");
        if (allowedLateness.isNegative()) {
            throw new IllegalArgumentException("allowed lateness must not be negative, got " + allowedLateness);
        }
        if (dedupHorizon.compareTo(allowedLateness) < 0) {
            throw new IllegalArgumentException("dedup horizon " + dedupHorizon
                    + " must be at least the allowed lateness " + allowedLateness);
        }
        if (zWindow < 2) {
            throw new IllegalArgumentException("z-score window must be at least 2 values, got " + zWindow);
        }
        if (!(zThreshold > 0) || Double.isInfinite(zThreshold)) {
            throw new IllegalArgumentException("z-score threshold must be a positive number, got " + zThreshold);
        }
        if (historyRetention.isZero() || historyRetention.isNegative()) {
            throw new IllegalArgumentException("history retention must be positive, got " + historyRetention);
        }
    }

    public QualitySettings withAllowedLateness(Duration value) {
        return new QualitySettings(value, dedupHorizon, zWindow, zThreshold, historyRetention);
    }

    public QualitySettings withDedupHorizon(Duration value) {
        return new QualitySettings(allowedLateness, value, zWindow, zThreshold, historyRetention);
    }

    public QualitySettings withZWindow(int value) {
        return new QualitySettings(allowedLateness, dedupHorizon, value, zThreshold, historyRetention);
    }

    public QualitySettings withZThreshold(double value) {
        return new QualitySettings(allowedLateness, dedupHorizon, zWindow, value, historyRetention);
    }

    public QualitySettings withHistoryRetention(Duration value) {
        return new QualitySettings(allowedLateness, dedupHorizon, zWindow, zThreshold, value);
    }
}

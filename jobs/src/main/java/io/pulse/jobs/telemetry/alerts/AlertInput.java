package io.pulse.jobs.telemetry.alerts;

import io.pulse.jobs.telemetry.Reading;
import io.pulse.jobs.telemetry.quality.ScoredReading;
import io.pulse.jobs.telemetry.serialization.AlertInputSerializer;

import org.apache.flink.api.common.typeinfo.TypeInfo;

import java.time.Duration;
import java.util.Map;
import java.util.Set;

/**
 * What the alerts need from a scored reading: {@link #of(ScoredReading)}. Its own small type so
 * that the alerts can be fed and tested without the scoring step.
 *
 * @param anomalousMetrics the metrics whose |z| reached the anomaly threshold in this reading
 * @param anomalyScore     the largest |z| among them, 0 when none
 * @param displayName      how people know the device (e.g. "Lab 2"), null when unknown
 * @param expectedIntervalMs the device registry's expected interval, 0 when unknown: replaces the
 *                         rules' default OFFLINE timeout, but not a per-device one from the rules
 */
@TypeInfo(AlertInputSerializer.Factory.class)
public record AlertInput(
        String deviceId,
        long ts,
        Map<String, Double> metrics,
        Set<String> anomalousMetrics,
        double anomalyScore,
        String displayName,
        long expectedIntervalMs) {

    public AlertInput {
        metrics = Map.copyOf(metrics);
        anomalousMetrics = Set.copyOf(anomalousMetrics);
    }

    /** A reading without anomaly scores (e.g. before scoring is wired, or in tests). */
    public static AlertInput of(Reading reading) {
        return new AlertInput(reading.deviceId(), reading.ts(), reading.metrics(), Set.of(), 0, null, 0);
    }

    /**
     * Only who and when, for OFFLINE (it judges arrivals, not values): no metrics to carry across
     * the network to a rules operator that would then find no thresholds crossed.
     */
    public static AlertInput arrival(Reading reading) {
        return new AlertInput(reading.deviceId(), reading.ts(), Map.of(), Set.of(), 0, null, 0);
    }

    public static AlertInput of(ScoredReading scored) {
        return scored(scored.deviceId(), scored.ts(), scored.metrics(), scored.zScores(), scored.anomalousMetrics());
    }

    /** From a scored reading's parts: {@code zScores} per metric, {@code anomalous} the metrics flagged anomalous. */
    public static AlertInput scored(String deviceId, long ts, Map<String, Double> metrics,
                                    Map<String, Double> zScores, Set<String> anomalous) {
        double score = 0;
        for (String metric : anomalous) {
            Double z = zScores.get(metric);
            if (z != null && Double.isFinite(z)) {
                score = Math.max(score, Math.abs(z));
            }
        }
        return new AlertInput(deviceId, ts, metrics, anomalous, score, null, 0);
    }

    /** With what the device registry knows: a name for messages and the expected interval (either may be null). */
    public AlertInput withRegistry(String name, Duration expectedInterval) {
        return new AlertInput(deviceId, ts, metrics, anomalousMetrics, anomalyScore, name,
                expectedInterval == null ? 0 : expectedInterval.toMillis());
    }
}

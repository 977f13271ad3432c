package io.pulse.jobs.telemetry.quality;

import io.pulse.jobs.telemetry.serialization.ScoredReadingSerializer;

import org.apache.flink.api.common.typeinfo.TypeInfo;

import java.util.Map;
import java.util.Set;

/**
 * A reading with its z-scores: {@code zScores} holds only the metrics that have a score (enough
 * history, non-zero deviation); {@code anomalousMetrics} those whose |z| reached the threshold.
 */
@TypeInfo(ScoredReadingSerializer.Factory.class)
public record ScoredReading(
        String deviceId,
        long ts,
        Map<String, Double> metrics,
        Map<String, Double> zScores,
        Set<String> anomalousMetrics) {

    public ScoredReading {
        metrics = Map.copyOf(metrics);
        zScores = Map.copyOf(zScores);
        anomalousMetrics = Set.copyOf(anomalousMetrics);
    }

    public boolean anomalous() {
        return !anomalousMetrics.isEmpty();
    }
}

package io.pulse.jobs.telemetry;

import io.pulse.jobs.ingest.EventTime;
import io.pulse.jobs.ingest.JsonObjectsParser;
import io.pulse.jobs.ingest.IngestLimits;
import io.pulse.jobs.ingest.Rejection;
import io.pulse.jobs.ingest.TopicPattern;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;

/**
 * Reads {@code devices/{deviceId}/telemetry} messages per the contract: {@code deviceId} (equal to
 * the topic's), {@code ts}, and every other number or boolean field as a metric. Refused: a
 * missing or mismatched device id, a bad or missing ts, a ts more than 5 minutes in the future, a
 * known metric that is not a number or boolean, NaN or infinity, a known metric out of range, and
 * a reading without metrics. In an array, each object is judged on its own.
 */
public final class TelemetryParser extends JsonObjectsParser<Reading> {

    public static final TopicPattern TOPIC = new TopicPattern("devices/{deviceId}/telemetry");

    private final MetricRanges ranges;

    public TelemetryParser(MetricRanges ranges) {
        super(TOPIC);
        this.ranges = ranges;
    }

    @Override
    protected Reading record(JsonNode object, String topicDevice, Instant now) throws Rejection {
        idMatchingTopic(object, "deviceId", topicDevice);
        Instant ts = EventTime.parse(object.get("ts"));
        if (object.size() - 2 > IngestLimits.MAX_METRICS) {
            throw new Rejection("reading has " + (object.size() - 2) + " fields besides deviceId and ts, more than "
                    + IngestLimits.MAX_METRICS + " metrics");
        }
        Map<String, Double> metrics = new HashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> fields = object.fields(); fields.hasNext(); ) {
            Map.Entry<String, JsonNode> field = fields.next();
            String name = field.getKey();
            if (name.equals("deviceId") || name.equals("ts")) {
                continue;
            }
            IngestLimits.metricName(name);
            Double value = metricValue(name, field.getValue());
            if (value != null) {
                metrics.put(name, value);
            }
        }
        if (metrics.isEmpty()) {
            throw new Rejection("reading has no metrics");
        }
        IngestLimits.time(ts, now); // last: a reading's other faults are the more useful reason
        return new Reading(topicDevice, ts.toEpochMilli(), metrics);
    }

    /** The metric's value, null for a field that is not a metric, or a rejection. */
    private Double metricValue(String name, JsonNode node) throws Rejection {
        double value;
        if (node.isBoolean()) {
            value = node.booleanValue() ? 1 : 0;
        } else if (node.isNumber()) {
            value = node.doubleValue();
        } else if (ranges.known(name)) {
            throw new Rejection(name + " must be a number or a boolean, got " + node.getNodeType().name().toLowerCase());
        } else {
            return null; // not a metric (e.g. a firmware version string)
        }
        if (Double.isNaN(value)) {
            throw new Rejection(name + " is NaN");
        }
        if (Double.isInfinite(value)) {
            throw new Rejection(name + " is infinite");
        }
        String outOfRange = ranges.check(name, value);
        if (outOfRange != null) {
            throw new Rejection(outOfRange);
        }
        return value;
    }
}

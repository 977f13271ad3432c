package io.pulse.jobs.telemetry.quality;

import io.pulse.jobs.telemetry.Reading;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;

/**
 * A reading as compact contract JSON, for the payload of a rejected reading. Metrics are sorted by
 * name so that the same reading always gives the same bytes, hence the same reject id on replay.
 */
final class ReadingJson {

    private static final JsonMapper MAPPER = new JsonMapper();

    private ReadingJson() {}

    static byte[] compact(Reading reading) {
        ObjectNode node = MAPPER.createObjectNode();
        node.put("deviceId", reading.deviceId());
        node.put("ts", Instant.ofEpochMilli(reading.ts()).toString());
        for (Map.Entry<String, Double> metric : new TreeMap<>(reading.metrics()).entrySet()) {
            node.put(metric.getKey(), metric.getValue());
        }
        try {
            return MAPPER.writeValueAsString(node).getBytes(StandardCharsets.UTF_8);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a tree of strings and numbers always serializes", e);
        }
    }
}

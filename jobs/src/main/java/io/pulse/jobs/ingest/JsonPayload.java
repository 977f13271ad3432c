package io.pulse.jobs.ingest;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * A device message's JSON: one object, or an array of objects of the same kind. NaN and
 * Infinity tokens are read (some firmware prints them) so that the reading can be refused with a
 * precise reason instead of "not JSON".
 */
public final class JsonPayload {

    private static final JsonMapper MAPPER = JsonMapper.builder(JsonFactory.builder()
                    // one level more than allowed: the object inside an array of a message is level 2
                    .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(IngestLimits.MAX_NESTING + 1).build())
                    .build())
            .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
            .build();

    private JsonPayload() {}

    /** The objects of the payload; a whole payload that is not usable is one rejection. */
    public static List<JsonNode> objects(byte[] payload) throws Rejection {
        JsonNode root;
        try {
            root = MAPPER.readTree(payload);
        } catch (StreamConstraintsException e) {
            throw new Rejection("JSON nesting is deeper than " + IngestLimits.MAX_NESTING + " levels");
        } catch (JsonProcessingException e) {
            throw new Rejection("payload is not JSON: " + Printable.abbreviate(e.getOriginalMessage(), 200));
        } catch (IOException e) {
            throw new Rejection("payload is not JSON: " + e.getMessage());
        }
        if (root == null || root.isMissingNode()) {
            throw new Rejection("payload is empty");
        }
        if (root.isObject()) {
            return List.of(root);
        }
        if (!root.isArray()) {
            throw new Rejection("payload must be a JSON object or an array of objects, got " + root.getNodeType().name().toLowerCase());
        }
        if (root.isEmpty()) {
            throw new Rejection("payload is an empty array");
        }
        if (root.size() > IngestLimits.MAX_OBJECTS) {
            throw new Rejection("payload has " + root.size() + " objects, more than " + IngestLimits.MAX_OBJECTS + " per message");
        }
        List<JsonNode> objects = new ArrayList<>(root.size());
        root.forEach(objects::add);
        return objects;
    }
}

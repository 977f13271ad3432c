package io.pulse.jobs.movement.ingest;

import io.pulse.jobs.ingest.EventTime;
import io.pulse.jobs.ingest.JsonObjectsParser;
import io.pulse.jobs.ingest.IngestLimits;
import io.pulse.jobs.ingest.Printable;
import io.pulse.jobs.ingest.Rejection;
import io.pulse.jobs.ingest.TopicPattern;

import com.fasterxml.jackson.databind.JsonNode;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

/**
 * Reads {@code campus/gates/{gate}/sightings} per the contract and pseudonymizes at once: the
 * {@link Sighting} that leaves carries the HMAC pseudonym (or the firmware's {@code macHash}),
 * never the MAC. Refused: a missing scanner, an unknown role, a bad, missing or future ts, no or
 * both of {@code mac}/{@code macHash}, a malformed MAC or hash, a non-boolean {@code randomized}.
 * Reasons never quote a MAC, and refused payloads are stored with every MAC masked.
 */
public final class SightingParser extends JsonObjectsParser<Sighting> {

    public static final TopicPattern TOPIC = new TopicPattern("campus/gates/{gate}/sightings");
    private final Pseudonyms pseudonyms;

    public SightingParser(Pseudonyms pseudonyms) {
        super(TOPIC);
        this.pseudonyms = pseudonyms;
    }

    @Override
    public byte[] redact(byte[] payload) {
        String text = new String(payload, StandardCharsets.UTF_8);
        return MacAddress.containsMac(text) ? MacAddress.mask(text).getBytes(StandardCharsets.UTF_8) : payload;
    }

    @Override
    protected Sighting record(JsonNode object, String gate, Instant now) throws Rejection {
        String scanner = IngestLimits.id("scanner", text(object, "scanner"));
        String roleText = text(object, "role");
        if (roleText == null) {
            throw new Rejection("role is missing");
        }
        GateRole role = GateRole.parse(roleText);
        if (role == null) {
            throw new Rejection("role must be in, out, outer or inner, got '" + MacAddress.mask(Printable.abbreviate(roleText, 20)) + "'");
        }
        Instant ts = EventTime.parse(object.get("ts"));
        JsonNode flag = object.get("randomized");
        if (flag != null && !flag.isNull() && !flag.isBoolean()) {
            throw new Rejection("randomized must be true or false");
        }
        JsonNode mac = object.get("mac");
        JsonNode hash = object.get("macHash");
        boolean hasMac = mac != null && !mac.isNull();
        boolean hasHash = hash != null && !hash.isNull();
        if (hasMac == hasHash) {
            throw new Rejection(hasMac ? "mac and macHash are both given: send one of them" : "mac or macHash is missing");
        }
        String personId;
        boolean randomized;
        if (hasMac) {
            String normalized = mac.isTextual() ? MacAddress.normalize(mac.textValue().trim()) : null;
            if (normalized == null) {
                throw new Rejection("mac is not a MAC address (six hex octets separated by : or -)");
            }
            randomized = flag != null && flag.isBoolean() ? flag.booleanValue() : MacAddress.locallyAdministered(normalized);
            personId = randomized ? null : pseudonyms.personId(normalized);
        } else {
            if (!hash.isTextual() || !Pseudonyms.isPersonId(hash.textValue())) {
                throw new Rejection("macHash must be 64 lowercase hex digits (HMAC-SHA256)");
            }
            randomized = flag != null && flag.isBoolean() && flag.booleanValue();
            personId = randomized ? null : hash.textValue();
        }
        IngestLimits.time(ts, now); // last: a sighting's other faults are the more useful reason
        return new Sighting(gate, scanner, role, ts.toEpochMilli(), personId, randomized);
    }

    private static String text(JsonNode object, String field) throws Rejection {
        JsonNode node = object.get(field);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isTextual()) {
            throw new Rejection(field + " must be a string");
        }
        return node.textValue();
    }

}

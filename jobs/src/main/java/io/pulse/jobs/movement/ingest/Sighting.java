package io.pulse.jobs.movement.ingest;

import io.pulse.jobs.movement.serialization.SightingSerializer;

import org.apache.flink.api.common.typeinfo.TypeInfo;

/**
 * One valid scanner sighting, already pseudonymized: it never carries a raw MAC.
 *
 * @param personId   the pseudonym, or null for a randomized MAC (those are only counted)
 * @param ts         event time, epoch ms UTC
 */
@TypeInfo(SightingSerializer.Factory.class)
public record Sighting(String gate, String scanner, GateRole role, long ts, String personId, boolean randomized) {

    /** The debounce key: a person at a scanner. */
    public String personAtScanner() {
        return personId + "|" + gate + "|" + scanner;
    }

    /** The dual-zone key: a person at a gate. */
    public String personAtGate() {
        return personId + "|" + gate;
    }
}

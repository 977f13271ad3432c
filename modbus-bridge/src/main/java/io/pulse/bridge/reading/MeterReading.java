package io.pulse.bridge.reading;

import java.time.Instant;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

import io.pulse.bridge.registers.MeterField;

/** What one poll of a meter read: only values the meter returned, never filled in. */
public record MeterReading(String meterId, Instant ts, Map<MeterField, Double> values) {

    public MeterReading {
        if (!values.containsKey(MeterField.POWER)) {
            throw new IllegalArgumentException("a reading without power is not a reading");
        }
        values = Collections.unmodifiableMap(new EnumMap<>(values));
    }
}

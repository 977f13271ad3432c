package io.pulse.jobs.telemetry.alerts;

import io.pulse.jobs.telemetry.serialization.AlertSignalSerializer;

import org.apache.flink.api.common.typeinfo.TypeInfo;

/**
 * What {@link AlertLifecycle} consumes: a pattern match (conditions that open alerts) or a reading
 * (what shows that conditions cleared). Exactly one of the two is set; a union type because the
 * lifecycle must see both in one event-time order.
 */
@TypeInfo(AlertSignalSerializer.Factory.class)
public record AlertSignal(AlertMatch match, EvaluatedReading reading) {

    public static AlertSignal of(AlertMatch match) {
        return new AlertSignal(match, null);
    }

    public static AlertSignal of(EvaluatedReading reading) {
        return new AlertSignal(null, reading);
    }

    public String deviceId() {
        return match != null ? match.deviceId() : reading.deviceId();
    }

    public long ts() {
        return match != null ? match.ts() : reading.ts();
    }

    public boolean isMatch() {
        return match != null;
    }
}

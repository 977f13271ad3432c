package io.pulse.jobs.energy;

import io.pulse.jobs.ingest.EventTime;
import io.pulse.jobs.ingest.JsonObjectsParser;
import io.pulse.jobs.ingest.IngestLimits;
import io.pulse.jobs.ingest.Rejection;
import io.pulse.jobs.ingest.TopicPattern;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;

/**
 * Reads {@code energy/meters/{meterId}/readings} per the contract: {@code meterId} (equal to the
 * topic's), {@code ts}, {@code power} (required), and optionally {@code voltage}, {@code current},
 * {@code powerFactor}, {@code frequency}, {@code energyRegisterWh}. Refused: a missing, mismatched
 * or reserved meter id, a bad, missing or far-future ts, a field that is not a number, NaN or
 * infinity, and a value outside {@link MeterRanges}. In an array, each object is judged alone.
 */
public final class MeterParser extends JsonObjectsParser<MeterReading> {

    public static final TopicPattern TOPIC = new TopicPattern("energy/meters/{meterId}/readings");
    /** The meter id of the campus total in energy_daily: never a real meter's. */
    public static final String CAMPUS = "*";

    public MeterParser() {
        super(TOPIC);
    }

    /** The campus total's id first: it is not an id a meter may use, and says why. */
    @Override
    protected String topicId(String topicName) throws Rejection {
        if (TOPIC.extract(topicName).equals(CAMPUS)) {
            throw new Rejection("meterId '" + CAMPUS + "' is reserved for the campus total");
        }
        return super.topicId(topicName);
    }

    @Override
    protected MeterReading record(JsonNode object, String topicMeter, Instant now) throws Rejection {
        idMatchingTopic(object, "meterId", topicMeter);
        if (CAMPUS.equals(topicMeter)) {
            throw new Rejection("meterId '" + CAMPUS + "' is reserved for the campus total");
        }
        Instant ts = EventTime.parse(object.get("ts"));
        double power = number(object, "power", MeterRanges.POWER_W);
        if (Double.isNaN(power)) {
            throw new Rejection("power is missing");
        }
        double voltage = number(object, "voltage", MeterRanges.VOLTAGE_V);
        double current = number(object, "current", MeterRanges.CURRENT_A);
        number(object, "powerFactor", MeterRanges.POWER_FACTOR);
        number(object, "frequency", MeterRanges.FREQUENCY_HZ);
        double register = number(object, "energyRegisterWh", MeterRanges.ENERGY_REGISTER_WH);
        IngestLimits.time(ts, now); // last: a reading's other faults are the more useful reason
        return new MeterReading(topicMeter, ts.toEpochMilli(), power, voltage, current, register);
    }

    /** The field's value, NaN when it is absent, or a rejection. */
    private static double number(JsonNode object, String name, MeterRanges.Range range) throws Rejection {
        JsonNode node = object.get(name);
        if (node == null) {
            return Double.NaN;
        }
        if (!node.isNumber()) {
            throw new Rejection(name + " must be a number, got " + node.getNodeType().name().toLowerCase());
        }
        double value = node.doubleValue();
        if (Double.isNaN(value)) {
            throw new Rejection(name + " is NaN");
        }
        if (Double.isInfinite(value)) {
            throw new Rejection(name + " is infinite");
        }
        if (!range.contains(value)) {
            throw new Rejection(name + " " + value + " is outside its valid range " + range);
        }
        return value;
    }
}

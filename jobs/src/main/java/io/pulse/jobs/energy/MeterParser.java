package io.pulse.jobs.energy;

import io.pulse.connectors.mqtt.MqttMessage;
import io.pulse.jobs.ingest.EventTime;
import io.pulse.jobs.ingest.JsonPayload;
import io.pulse.jobs.ingest.MessageParser;
import io.pulse.jobs.ingest.Rejection;
import io.pulse.jobs.ingest.TopicPattern;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;

/**
 * Reads {@code energy/meters/{meterId}/readings} per the contract: {@code meterId} (equal to the
 * topic's), {@code ts}, {@code power} (required), and optionally {@code voltage}, {@code current},
 * {@code powerFactor}, {@code frequency}, {@code energyRegisterWh}. Refused: a missing, mismatched
 * or reserved meter id, a bad, missing or far-future ts, a field that is not a number, NaN or
 * infinity, and a value outside {@link MeterRanges}. In an array, each object is judged alone.
 */
public final class MeterParser implements MessageParser<MeterReading> {

    public static final TopicPattern TOPIC = new TopicPattern("energy/meters/{meterId}/readings");
    public static final Duration MAX_FUTURE = Duration.ofMinutes(5);
    /** The meter id of the campus total in energy_daily: never a real meter's. */
    public static final String CAMPUS = "*";

    @Override
    public void parse(MqttMessage message, Instant now, Consumer<MeterReading> records, Rejects rejects) {
        String topicMeter;
        List<JsonNode> objects;
        try {
            topicMeter = TOPIC.extract(message.topic());
            objects = JsonPayload.objects(message.payload());
        } catch (Rejection r) {
            rejects.reject(r.getMessage());
            return;
        }
        for (JsonNode object : objects) {
            try {
                records.accept(reading(object, topicMeter, now));
            } catch (Rejection r) {
                if (objects.size() == 1) {
                    rejects.reject(r.getMessage());
                } else {
                    rejects.reject(r.getMessage(), object.toString());
                }
            }
        }
    }

    MeterReading reading(JsonNode object, String topicMeter, Instant now) throws Rejection {
        if (!object.isObject()) {
            throw new Rejection("array element is not an object");
        }
        JsonNode meterId = object.get("meterId");
        if (meterId == null || !meterId.isTextual() || meterId.textValue().isEmpty()) {
            throw new Rejection("meterId is missing");
        }
        if (!meterId.textValue().equals(topicMeter)) {
            throw new Rejection("meterId '" + meterId.textValue() + "' does not match the topic's '" + topicMeter + "'");
        }
        if (CAMPUS.equals(topicMeter)) {
            throw new Rejection("meterId '" + CAMPUS + "' is reserved for the campus total");
        }
        Instant ts = EventTime.parse(object.get("ts"));
        if (ts.isAfter(now.plus(MAX_FUTURE))) {
            throw new Rejection("ts " + ts + " is more than " + MAX_FUTURE.toMinutes() + " minutes in the future");
        }
        double power = number(object, "power", MeterRanges.POWER_W);
        if (Double.isNaN(power)) {
            throw new Rejection("power is missing");
        }
        double voltage = number(object, "voltage", MeterRanges.VOLTAGE_V);
        double current = number(object, "current", MeterRanges.CURRENT_A);
        number(object, "powerFactor", MeterRanges.POWER_FACTOR);
        number(object, "frequency", MeterRanges.FREQUENCY_HZ);
        double register = number(object, "energyRegisterWh", MeterRanges.ENERGY_REGISTER_WH);
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

package io.pulse.bridge.reading;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.pulse.bridge.registers.MeterField;

/**
 * The contract's meter-reading JSON: {@code meterId}, {@code ts} (epoch milliseconds, UTC),
 * {@code power} and whichever of voltage, current, powerFactor, frequency, energyRegisterWh the
 * meter's map reads. A float32 value is written with float precision (230.1, not 230.10000610...).
 */
public final class ReadingJson {

    private static final ObjectMapper JSON = new ObjectMapper();

    private ReadingJson() {}

    public static byte[] toJson(MeterReading reading) {
        ObjectNode node = JSON.createObjectNode();
        node.put("meterId", reading.meterId());
        node.put("ts", reading.ts().toEpochMilli());
        for (Map.Entry<MeterField, Double> e : reading.values().entrySet()) {
            double v = e.getValue();
            if (Double.isFinite(v)) {
                node.put(e.getKey().jsonName(), tidy(v));
            }
        }
        return node.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** Drops float32 noise: the meter's value has ~7 significant digits. */
    static double tidy(double v) {
        return Double.parseDouble(Float.toString((float) v));
    }
}

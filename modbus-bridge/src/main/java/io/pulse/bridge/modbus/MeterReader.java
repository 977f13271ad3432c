package io.pulse.bridge.modbus;

import java.time.Clock;
import java.util.EnumMap;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.pulse.bridge.reading.MeterReading;
import io.pulse.bridge.registers.FieldSpec;
import io.pulse.bridge.registers.MeterField;
import io.pulse.bridge.registers.RegisterDecoder;
import io.pulse.bridge.registers.RegisterMap;

/**
 * Reads one meter through its register map, with retries. Every field comes from the meter in the
 * same attempt; if any read fails after the retries, there is no reading at all (a gap), never a
 * partial or invented one.
 */
public final class MeterReader {

    private static final Logger LOG = LoggerFactory.getLogger(MeterReader.class);

    private final String meterId;
    private final int unitId;
    private final RegisterMap map;
    private final int retries;
    private final Clock clock;
    private boolean answered;

    public MeterReader(String meterId, int unitId, RegisterMap map, int retries, Clock clock) {
        this.meterId = meterId;
        this.unitId = unitId;
        this.map = map;
        this.retries = retries;
        this.clock = clock;
    }

    public String meterId() {
        return meterId;
    }

    /** @throws MeterFault after {@code 1 + retries} failed attempts, with the last attempt's reason */
    public MeterReading read(ModbusLine line) throws MeterFault {
        MeterFault last = null;
        for (int attempt = 0; attempt <= retries; attempt++) {
            try {
                Map<MeterField, Double> values = readOnce(line);
                answered = true;
                return new MeterReading(meterId, clock.instant(), values);
            } catch (MeterFault e) {
                last = e;
                LOG.debug("meter {} (unit {} on {}): attempt {} failed: {}", meterId, unitId, line.describe(),
                        attempt + 1, e.getMessage());
            }
        }
        throw new MeterFault(last.getMessage() + " (after " + (retries + 1) + " attempts)" + hint(last), last);
    }

    /** The usual configuration mistakes behind a meter that never answered properly. */
    private String hint(MeterFault fault) {
        String message = fault.getMessage();
        if (message.startsWith("exception response 2 ")) {
            return "; check register map '" + map.name() + "' and unit id " + unitId + " for this meter";
        }
        if (!answered && message.startsWith("timeout")) {
            return "; never answered: check unit id " + unitId + " and the line settings";
        }
        return "";
    }

    private Map<MeterField, Double> readOnce(ModbusLine line) throws MeterFault {
        Map<MeterField, Double> values = new EnumMap<>(MeterField.class);
        if (map.fitsOneRead()) {
            int start = map.firstAddress();
            int[] block = line.read(unitId, map.kind(), start, map.span());
            for (FieldSpec spec : map.fields().values()) {
                values.put(spec.field(), RegisterDecoder.decode(block, start, spec));
            }
        } else {
            for (FieldSpec spec : map.fields().values()) {
                int[] words = line.read(unitId, map.kind(), spec.address(), spec.type().registers());
                values.put(spec.field(), RegisterDecoder.decode(words, spec.address(), spec));
            }
        }
        Double power = values.get(MeterField.POWER);
        if (power == null || !Double.isFinite(power)) {
            throw new MeterFault("power register holds no number (" + power + ")");
        }
        return values;
    }
}

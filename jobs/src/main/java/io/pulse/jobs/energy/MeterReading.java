package io.pulse.jobs.energy;

import org.apache.flink.api.common.typeinfo.TypeInfo;

/**
 * One valid meter reading: meter, event time (epoch ms, UTC), active power in W, and what the meter
 * optionally adds. An absent optional value is {@code NaN} (the parser refuses NaN in input, so
 * NaN here always means "not sent"). A reading is identified by (meterId, ts).
 */
@TypeInfo(MeterReadingSerializer.Factory.class)
public record MeterReading(String meterId, long ts, double powerW, double voltageV, double currentA,
                           double energyRegisterWh) {

    public boolean hasVoltage() {
        return !Double.isNaN(voltageV);
    }

    public boolean hasCurrent() {
        return !Double.isNaN(currentA);
    }

    public boolean hasEnergyRegister() {
        return !Double.isNaN(energyRegisterWh);
    }

    public static String topic(String meterId) {
        return "energy/meters/" + meterId + "/readings";
    }

    /** The reading as compact JSON, for a rejected_messages row. */
    public String toJson() {
        StringBuilder json = new StringBuilder("{\"meterId\":\"").append(meterId.replace("\"", "\\\""))
                .append("\",\"ts\":").append(ts).append(",\"power\":").append(powerW);
        if (hasVoltage()) {
            json.append(",\"voltage\":").append(voltageV);
        }
        if (hasCurrent()) {
            json.append(",\"current\":").append(currentA);
        }
        if (hasEnergyRegister()) {
            json.append(",\"energyRegisterWh\":").append(energyRegisterWh);
        }
        return json.append('}').toString();
    }
}

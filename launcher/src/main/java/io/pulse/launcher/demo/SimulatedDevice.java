package io.pulse.launcher.demo;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Random;

/**
 * One simulated sensor node: temperature, humidity and vibration as noise around a base line, a battery
 * that drains. A misbehaving device overheats now and then: its temperature climbs well above
 * 75 °C for a while (with vibration going up), then it cools down again.
 */
final class SimulatedDevice {
    /** Ticks (readings) before the first overheating, so that a newcomer sees one early. */
    static final int FIRST_OVERHEAT_TICK = 6;
    private static final double OVERHEAT_PEAK = 92;

    private final String id;
    private final boolean misbehaves;
    private final Random random;
    private final double baseTemperature;

    private double temperature;
    private final double baseHumidity;
    private double humidity;
    private double battery;
    private double vibration;
    private long tick;
    private int overheatTicksLeft;

    SimulatedDevice(String id, boolean misbehaves, long seed) {
        this.id = id;
        this.misbehaves = misbehaves;
        this.random = new Random(seed);
        this.baseTemperature = 21 + random.nextDouble() * 6;
        this.temperature = baseTemperature;
        this.baseHumidity = 40 + random.nextDouble() * 15;
        this.humidity = baseHumidity;
        this.battery = 90 + random.nextDouble() * 10;
        this.vibration = 0.2 + random.nextDouble() * 0.3;
    }

    String id() {
        return id;
    }

    boolean misbehaves() {
        return misbehaves;
    }

    boolean overheating() {
        return overheatTicksLeft > 0;
    }

    String topic() {
        return "devices/" + id + "/telemetry";
    }

    /** Advances the device by one reading and returns it as the contract's JSON object. */
    ObjectNode nextReading(ObjectMapper mapper, long nowMillis) {
        tick++;
        if (misbehaves && overheatTicksLeft == 0
                && (tick == FIRST_OVERHEAT_TICK || (tick > FIRST_OVERHEAT_TICK + 40
                        && random.nextInt(45) == 0))) {
            overheatTicksLeft = 12 + random.nextInt(8);
        }
        if (overheatTicksLeft > 0) {
            overheatTicksLeft--;
            temperature = Math.min(OVERHEAT_PEAK, temperature + 9 + random.nextDouble() * 4);
            vibration = Math.min(3.5, vibration + 0.4 + random.nextDouble() * 0.3);
        } else {
            // Noise around a base line, and quickly back to it after overheating: a healthy
            // device that drifted or wandered would look anomalous to the rolling z-score.
            temperature = baseTemperature + (temperature - baseTemperature) * 0.3 + gaussian(0.15);
            vibration = 0.35 + (vibration - 0.35) * 0.3 + gaussian(0.03);
        }
        humidity = clamp(baseHumidity + gaussian(0.4), 20, 90);
        battery = clamp(battery - 0.01 - random.nextDouble() * 0.02, 5, 100);
        vibration = clamp(vibration, 0.05, 50);

        ObjectNode reading = mapper.createObjectNode();
        reading.put("deviceId", id);
        reading.put("ts", nowMillis);
        reading.put("temperature", round2(temperature));
        reading.put("humidity", round2(humidity));
        reading.put("battery", round2(battery));
        reading.put("vibration", round2(vibration));
        return reading;
    }

    private double gaussian(double sigma) {
        return random.nextGaussian() * sigma;
    }

    private static double clamp(double v, double min, double max) {
        return Math.max(min, Math.min(max, v));
    }

    private static double round2(double v) {
        return Math.round(v * 100) / 100.0;
    }
}

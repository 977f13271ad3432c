package io.pulse.bench.telemetry;

import io.pulse.connectors.mqtt.MqttMessage;
import io.pulse.jobs.telemetry.Reading;

import org.apache.flink.connector.datagen.source.GeneratorFunction;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * The workload: reading {@code i} is device {@code i % devices} in second {@code i / devices}
 * (every device reports once a second, in event time, from 2026-01-01T00:00:00Z; within a second
 * the devices are a millisecond apart), with the contract's six metrics. A pure function of
 * {@code i} and a fixed seed: every round and every side sees the same readings.
 *
 * <ul>
 *   <li>temperature around 40 °C; one device in 97 overheats (84 °C) for a 5-minute stretch,
 *       which opens and later resolves OVERHEAT; one reading in 1,000 jumps 15 °C (a z-score anomaly);</li>
 *   <li>vibration around 0.3; one device in 211 vibrates at 2.2 for 2-minute stretches (HIGH_VIBRATION);</li>
 *   <li>battery falls 1 % a minute from a per-device level and is recharged at 5 % (LOW_BATTERY);</li>
 *   <li>gas around 300; during an overheat of a device whose number is a multiple of 5, gas 450 and
 *       flame 1 (FIRE_RISK);</li>
 *   <li>one reading in 2,000 repeats the device's previous timestamp (a duplicate: dropped by
 *       dedup), one in 5,000 is 60 s old (late: rejected).</li>
 * </ul>
 */
final class BenchReadings {

    static final long SEED = 0x5EED_2026L;
    static final long BASE_MS = Instant.parse("2026-01-01T00:00:00Z").toEpochMilli();

    private BenchReadings() {}

    static String deviceId(int d) {
        return String.format("dev-%05d", d);
    }

    /** The timestamp and metric values of reading {@code i}; deviceId separately, to build either form. */
    static long ts(long i, int devices) {
        long second = i / devices;
        int d = (int) (i % devices);
        long ts = BASE_MS + second * 1_000 + d % 1_000;
        long h = mix(i);
        if (second > 0 && h % 2_000 == 1) {
            ts -= 1_000;                       // same ts as this device's previous reading: a duplicate
        } else if (second > 60 && h % 5_000 == 2) {
            ts -= 60_000;                      // far behind the watermark: late
        }
        return ts;
    }

    static Map<String, Double> metrics(long i, int devices) {
        long second = i / devices;
        int d = (int) (i % devices);
        long h = mix(i);
        double noise = ((h >>> 11) % 1_000) / 1_000.0 - 0.5;           // [-0.5, 0.5)
        double noise2 = ((h >>> 31) % 1_000) / 1_000.0 - 0.5;
        boolean overheat = (d + second / 300) % 97 == 0;
        double temperature = overheat ? 84 + noise : 40 + 3 * Math.sin(second / 60.0 + d) + noise;
        if (h % 1_000 == 7) {
            temperature += 15;                                           // an outlier
        }
        boolean shaking = (d * 31L + second / 120) % 211 == 0;
        double vibration = shaking ? 2.2 + noise2 / 5 : 0.3 + noise2 / 10;
        double battery = 100 - ((second + d * 37L) / 60.0) % 95;          // 100 → 5, then recharged
        boolean fire = overheat && d % 5 == 0;
        Map<String, Double> m = new HashMap<>(8);
        m.put("temperature", round(temperature));
        m.put("humidity", round(45 + 5 * noise2));
        m.put("vibration", round(vibration));
        m.put("battery", round(battery));
        m.put("gas", round(fire ? 450 + 10 * noise : 300 + 10 * noise));
        m.put("flame", fire ? 1.0 : 0.0);
        return m;
    }

    static Reading reading(long i, int devices) {
        return new Reading(deviceId((int) (i % devices)), ts(i, devices), metrics(i, devices));
    }

    /** Reading {@code i} as a device publishes it: the contract's JSON on devices/{id}/telemetry. */
    static MqttMessage message(long i, int devices) {
        String id = deviceId((int) (i % devices));
        StringBuilder json = new StringBuilder(160).append("{\"deviceId\":\"").append(id)
                .append("\",\"ts\":\"").append(Instant.ofEpochMilli(ts(i, devices))).append('"');
        metrics(i, devices).forEach((k, v) -> {
            json.append(",\"").append(k).append("\":");
            if (k.equals("flame")) {
                json.append(v > 0 ? "true" : "false");
            } else {
                json.append(v);
            }
        });
        json.append('}');
        return new MqttMessage("devices/" + id + "/telemetry", json.toString().getBytes(StandardCharsets.UTF_8),
                1, false, null, Map.of());
    }

    private static double round(double v) {
        return Math.round(v * 100) / 100.0;
    }

    /** SplitMix64 of (seed + i): deterministic, uncorrelated from one reading to the next; non-negative. */
    static long mix(long i) {
        long z = SEED + i * 0x9E3779B97F4A7C15L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return (z ^ (z >>> 31)) & Long.MAX_VALUE;
    }

    /** The source's generator of readings. */
    static final class Readings implements GeneratorFunction<Long, Reading> {
        private static final long serialVersionUID = 1L;
        private final int devices;

        Readings(int devices) {
            this.devices = devices;
        }

        @Override
        public Reading map(Long i) {
            return reading(i, devices);
        }
    }

    /** The source's generator of MQTT messages (the parse round). */
    static final class Messages implements GeneratorFunction<Long, MqttMessage> {
        private static final long serialVersionUID = 1L;
        private final int devices;

        Messages(int devices) {
            this.devices = devices;
        }

        @Override
        public MqttMessage map(Long i) {
            return message(i, devices);
        }
    }

    /**
     * For the state measurement: {@code readings} readings, then an endless trickle of markers
     * (deviceId "", one a millisecond, dropped before the job) that keeps the job running, idle,
     * so a checkpoint of its steady state completes. {@link #DONE} says when the readings are out.
     */
    static final class ReadingsThenIdle implements GeneratorFunction<Long, Reading> {
        private static final long serialVersionUID = 1L;
        static final java.util.concurrent.atomic.AtomicLong DONE = new java.util.concurrent.atomic.AtomicLong();
        private final int devices;
        private final long readings;

        ReadingsThenIdle(int devices, long readings) {
            this.devices = devices;
            this.readings = readings;
        }

        @Override
        public Reading map(Long i) throws Exception {
            if (i < readings) {
                return reading(i, devices);
            }
            if (i == readings) {
                DONE.set(System.currentTimeMillis());
            }
            Thread.sleep(1);
            return new Reading("", 0, Map.of("idle", 0.0));
        }
    }
}

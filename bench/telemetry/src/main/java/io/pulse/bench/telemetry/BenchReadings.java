package io.pulse.bench.telemetry;

import io.pulse.connectors.mqtt.MqttMessage;
import io.pulse.jobs.telemetry.Reading;

import org.apache.flink.connector.datagen.source.GeneratorFunction;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
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

    /** Ids formatted once: String.format per reading would cost the harness more than some operators. */
    private static final String[] DEVICE_IDS = new String[10_000];

    static {
        for (int d = 0; d < DEVICE_IDS.length; d++) {
            DEVICE_IDS[d] = String.format("dev-%05d", d);
        }
    }

    /** The metrics in the order the JSON form writes them. */
    static final List<String> METRICS = List.of("temperature", "humidity", "vibration", "battery", "gas", "flame");

    static String deviceId(int d) {
        return d < DEVICE_IDS.length ? DEVICE_IDS[d] : String.format("dev-%05d", d);
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
        // An immutable map from the start: Reading keeps it without copying.
        return Map.of("temperature", round(temperature), "humidity", round(45 + 5 * noise2),
                "vibration", round(vibration), "battery", round(battery),
                "gas", round(fire ? 450 + 10 * noise : 300 + 10 * noise), "flame", fire ? 1.0 : 0.0);
    }

    static Reading reading(long i, int devices) {
        return new Reading(deviceId((int) (i % devices)), ts(i, devices), metrics(i, devices));
    }

    /** Reading {@code i} as a device publishes it: the contract's JSON on devices/{id}/telemetry. */
    static MqttMessage message(long i, int devices) {
        String id = deviceId((int) (i % devices));
        StringBuilder json = new StringBuilder(160).append("{\"deviceId\":\"").append(id)
                .append("\",\"ts\":\"").append(Instant.ofEpochMilli(ts(i, devices))).append('"');
        Map<String, Double> metrics = metrics(i, devices);
        for (String k : METRICS) {
            double v = metrics.get(k);
            json.append(",\"").append(k).append("\":");
            if (k.equals("flame")) {
                json.append(v > 0 ? "true" : "false");
            } else {
                json.append(v);
            }
        }
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

    /**
     * Which reading a source subtask emits for its sequence number {@code i}: the generator source
     * gives each of its {@code parallelism} subtasks a contiguous range of {@code count / parallelism}
     * numbers, and interleaving them (subtask range k emits readings k, k + parallelism, ...) keeps
     * every subtask at the same event time, as devices publishing live would.
     */
    static long interleaved(long i, long count, int parallelism) {
        long perSplit = count / parallelism;
        return (i % perSplit) * parallelism + i / perSplit;
    }

    /** The source's generator of readings, {@code count} of them over {@code parallelism} subtasks. */
    static final class Readings implements GeneratorFunction<Long, Reading> {
        private static final long serialVersionUID = 1L;
        private final int devices;
        private final long count;
        private final int parallelism;

        Readings(int devices, long count, int parallelism) {
            this.devices = devices;
            this.count = count;
            this.parallelism = parallelism;
        }

        @Override
        public Reading map(Long i) {
            return reading(interleaved(i, count, parallelism), devices);
        }
    }

    /** The source's generator of MQTT messages, as {@link Readings}. */
    static final class Messages implements GeneratorFunction<Long, MqttMessage> {
        private static final long serialVersionUID = 1L;
        private final int devices;
        private final long count;
        private final int parallelism;

        Messages(int devices, long count, int parallelism) {
            this.devices = devices;
            this.count = count;
            this.parallelism = parallelism;
        }

        @Override
        public MqttMessage map(Long i) {
            return message(interleaved(i, count, parallelism), devices);
        }
    }
}

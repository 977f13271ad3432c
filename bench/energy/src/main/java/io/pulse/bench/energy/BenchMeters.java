package io.pulse.bench.energy;

import io.pulse.jobs.energy.MeterReading;

import org.apache.flink.connector.datagen.source.GeneratorFunction;

import java.time.Instant;

/**
 * The workload: reading {@code i} is meter {@code i % meters} in second {@code i / meters} (every
 * meter reports once a second of event time from 2026-01-01T00:00:00Z; within a second the meters
 * are a millisecond apart). Power follows a slow daily-like curve per meter plus noise; voltage
 * around 230 V; current = power / voltage. One reading in 2,000 repeats the meter's previous
 * timestamp (a duplicate: dropped), one in 5,000 is 120.5 s old (late: rejected). A pure function
 * of {@code i}: every round and side sees the same readings.
 */
final class BenchMeters {

    static final long BASE_MS = Instant.parse("2026-01-01T00:00:00Z").toEpochMilli();

    private BenchMeters() {}

    static String meterId(int m) {
        return String.format("meter-%05d", m);
    }

    static MeterReading reading(long i, int meters) {
        long second = i / meters;
        int m = (int) (i % meters);
        long ts = BASE_MS + second * 1_000 + m % 1_000;
        long h = mix(i);
        if (second > 0 && h % 2_000 == 1) {
            ts -= 1_000;
        } else if (second > 120 && h % 5_000 == 2) {
            ts -= 120_500;                     // a time the meter never sent, far behind: late
        }
        double noise = ((h >>> 11) % 1_000) / 1_000.0 - 0.5;
        double power = Math.round(2_000 + 1_500 * Math.sin(second / 3_600.0 + m) + 100 * noise);
        double voltage = 230 + Math.round(20 * noise) / 10.0;
        return new MeterReading(meterId(m), ts, power, voltage, Math.round(power / voltage * 100) / 100.0, Double.NaN);
    }

    /** SplitMix64 of i: deterministic, uncorrelated from one reading to the next; non-negative. */
    static long mix(long i) {
        long z = 0x5EED_2026L + i * 0x9E3779B97F4A7C15L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return (z ^ (z >>> 31)) & Long.MAX_VALUE;
    }

    static final class Readings implements GeneratorFunction<Long, MeterReading> {
        private static final long serialVersionUID = 1L;
        private final int meters;

        Readings(int meters) {
            this.meters = meters;
        }

        @Override
        public MeterReading map(Long i) {
            return reading(i, meters);
        }
    }
}

package io.pulse.bench.e2e;

import java.util.Locale;

/**
 * The messages of one job's topic, per the contract (section 1), and what each becomes in the stores.
 * Message {@code k} of a scenario is fully determined by the scenario's tag and k, except its
 * {@code ts}: the publisher stamps each message with the wall clock at publish (epoch milliseconds,
 * strictly increasing per device, meter or person), as a device does, so event time moves like a
 * live campus's and the job's latency is the store's time of visibility minus {@code ts}.
 *
 * <p>Every valid message gives exactly one stored record, so the expected count is N:
 * <ul>
 *   <li>telemetry: {@value #DEVICES} devices {@code <tag>-d<i>}, normal values (no alert storms);
 *       each reading is one sample of {@code telemetry_temperature} in the time-series store;</li>
 *   <li>energy: {@value #DEVICES} meters {@code <tag>-m<i>}; each reading one sample of
 *       {@code meter_power_w};</li>
 *   <li>movement: person {@code k / 2} (a MAC of its own, not randomized) is seen entering at the lane
 *       scanner {@code <gate>-in} (k even) and leaving at {@code <gate>-out} (k odd, 1 ms or more
 *       later): no debounce, every sighting is one row of {@code movement_events}, every pair one
 *       closed visit.</li>
 * </ul>
 * Every {@code probeEvery}-th device, meter or person is a probe: device {@code <tag>-probe<i>}, meter
 * {@code <tag>-probe<i>}, or a person seen at the gate {@code <tag>-probe}. The latency is read from those.
 */
enum Workload {

    TELEMETRY("telemetry", "devices/+/telemetry", 6_000),
    ENERGY("energy", "energy/meters/+/readings", 6_000),
    MOVEMENT("movement", "campus/gates/+/sightings", 31_000);

    static final int DEVICES = 200;
    static final int FLUSH_KEYS = 8;

    final String job;
    final String filter;
    /**
     * How far ahead of the clock the flush messages' {@code ts} is: the job's out-of-orderness plus
     * 1 s (telemetry 5 s, energy's watermark 5 s, movement 30 s), so that once the last message is
     * in, event time passes it and the job writes what waits for the watermark.
     */
    final long flushAheadMs;

    Workload(String job, String filter, long flushAheadMs) {
        this.job = job;
        this.filter = filter;
        this.flushAheadMs = flushAheadMs;
    }

    static Workload of(String job) {
        for (Workload w : values()) {
            if (w.job.equals(job)) {
                return w;
            }
        }
        throw new IllegalArgumentException("unknown job " + job + " (telemetry, movement, energy)");
    }

    /** The key whose {@code ts} must increase: device, meter or person. */
    long key(long k) {
        return this == MOVEMENT ? k / 2 : k % DEVICES;
    }

    boolean probe(long k, int probeEvery) {
        return key(k) % probeEvery == 0;
    }

    String topic(String tag, long k, int probeEvery) {
        String id = id(tag, k, probeEvery);
        return switch (this) {
            case TELEMETRY -> "devices/" + id + "/telemetry";
            case ENERGY -> "energy/meters/" + id + "/readings";
            case MOVEMENT -> "campus/gates/" + id + "/sightings";
        };
    }

    /** Device, meter or gate of message k. */
    String id(String tag, long k, int probeEvery) {
        if (probe(k, probeEvery)) {
            return tag + "-probe" + (this == MOVEMENT ? "" : String.valueOf(key(k)));
        }
        return switch (this) {
            case TELEMETRY -> tag + "-d" + key(k);
            case ENERGY -> tag + "-m" + key(k);
            case MOVEMENT -> tag + "-lane";
        };
    }

    String payload(String tag, long k, int probeEvery, long ts) {
        String id = id(tag, k, probeEvery);
        return switch (this) {
            case TELEMETRY -> "{\"deviceId\":\"" + id + "\",\"ts\":" + ts
                    + ",\"temperature\":" + tenths(200 + k % 50) + ",\"humidity\":" + tenths(400 + k % 37)
                    + ",\"battery\":" + tenths(900 - k % 20) + "}";
            case ENERGY -> "{\"meterId\":\"" + id + "\",\"ts\":" + ts
                    + ",\"power\":" + tenths(15_000 + 37 * (k % 101)) + ",\"voltage\":" + tenths(2_300 + k % 21)
                    + ",\"current\":" + tenths(65 + k % 13) + ",\"powerFactor\":0.95,\"frequency\":50.0"
                    + ",\"energyRegisterWh\":" + (1_000_000 + k) + "}";
            case MOVEMENT -> "{\"scanner\":\"" + id + (k % 2 == 0 ? "-in" : "-out") + "\",\"role\":\""
                    + (k % 2 == 0 ? "in" : "out") + "\",\"ts\":" + ts + ",\"mac\":\"" + mac(tag, k / 2)
                    + "\",\"rssi\":-" + (50 + k % 30) + "}";
        };
    }

    /** A message that only moves event time on: from keys that are never counted ({@code fl-<tag>-<i>}). */
    String flushTopic(String tag, int i) {
        return switch (this) {
            case TELEMETRY -> "devices/fl-" + tag + "-" + i + "/telemetry";
            case ENERGY -> "energy/meters/fl-" + tag + "-" + i + "/readings";
            case MOVEMENT -> "campus/gates/fl-" + tag + "-" + i + "/sightings";
        };
    }

    /** A zone sighting at a dual-zone gate that pairs with nothing gives no event (contract 4.3). */
    String flushPayload(String tag, int i, long ts) {
        String id = "fl-" + tag + "-" + i;
        return switch (this) {
            case TELEMETRY -> "{\"deviceId\":\"" + id + "\",\"ts\":" + ts + ",\"temperature\":20.0}";
            case ENERGY -> "{\"meterId\":\"" + id + "\",\"ts\":" + ts + ",\"power\":100.0}";
            case MOVEMENT -> "{\"scanner\":\"" + id + "-z\",\"role\":\"outer\",\"ts\":" + ts + ",\"mac\":\"02:00:00:00:00:"
                    + String.format(Locale.ROOT, "%02x", i) + "\"}";
        };
    }

    /** A universally administered (not randomized) MAC, unique per scenario and person. */
    static String mac(String tag, long person) {
        long v = ((long) (tag.hashCode() & 0xff) << 32) ^ person;
        return String.format(Locale.ROOT, "a4:%02x:%02x:%02x:%02x:%02x", (v >> 32) & 0xff, (v >> 24) & 0xff,
                (v >> 16) & 0xff, (v >> 8) & 0xff, v & 0xff);
    }

    private static String tenths(long tenths) {
        return tenths / 10 + "." + tenths % 10;
    }
}

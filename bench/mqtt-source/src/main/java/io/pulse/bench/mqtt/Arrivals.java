package io.pulse.bench.mqtt;

import java.time.Duration;
import java.util.BitSet;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What one side of one round received: which of its N sequence numbers arrived, how many twice,
 * how many were not its own, and when the last missing one arrived. Both sides mark every message
 * here in the same way (the source's job from a map chained to its sink, the plain subscriber from
 * its callback), so the check costs both the same. Registered by name, because the Flink side runs
 * in the MiniCluster in this JVM and finds it from a serialized function.
 */
final class Arrivals {

    private static final Map<String, Arrivals> OPEN = new ConcurrentHashMap<>();

    private final long firstSeq;
    private final int expected;
    private final BitSet seen;
    private int distinct;
    private long duplicates;
    private long foreign;
    private long completedNanos;

    private Arrivals(long firstSeq, int expected) {
        this.firstSeq = firstSeq;
        this.expected = expected;
        this.seen = new BitSet(expected);
    }

    /** A new, empty record for sequence numbers {@code firstSeq .. firstSeq + expected - 1}. */
    static Arrivals open(String name, long firstSeq, int expected) {
        Arrivals arrivals = new Arrivals(firstSeq, expected);
        OPEN.put(name, arrivals);
        return arrivals;
    }

    static Arrivals named(String name) {
        Arrivals arrivals = OPEN.get(name);
        if (arrivals == null) {
            throw new IllegalStateException("no arrivals named " + name);
        }
        return arrivals;
    }

    static void close(String name) {
        OPEN.remove(name);
    }

    /** Marks the message with this payload as arrived. */
    void mark(byte[] payload) {
        mark(Telemetry.seq(payload));
    }

    synchronized void mark(long seq) {
        long index = seq - firstSeq;
        if (seq < 0 || index < 0 || index >= expected) {
            foreign++;
            return;
        }
        if (seen.get((int) index)) {
            duplicates++;
            return;
        }
        seen.set((int) index);
        distinct++;
        if (distinct == expected) {
            completedNanos = System.nanoTime();
            notifyAll();
        }
    }

    /**
     * Waits until all N arrived and returns {@link System#nanoTime()} of the arrival that completed
     * them. Fails when nothing new arrived for {@code stall}.
     */
    synchronized long awaitAll(Duration stall, String side) throws InterruptedException {
        int before = -1;
        long lastProgress = System.nanoTime();
        while (distinct < expected) {
            if (distinct != before) {
                before = distinct;
                lastProgress = System.nanoTime();
            } else if (System.nanoTime() - lastProgress > stall.toNanos()) {
                throw new IllegalStateException(side + ": only " + distinct + " of " + expected
                        + " messages arrived, none for " + stall.toSeconds() + " s (duplicates " + duplicates
                        + ", not of this round " + foreign + ")");
            }
            wait(100);
        }
        return completedNanos;
    }

    synchronized int distinct() {
        return distinct;
    }

    synchronized long duplicates() {
        return duplicates;
    }

    synchronized long foreign() {
        return foreign;
    }

    synchronized long total() {
        return distinct + duplicates + foreign;
    }
}

package io.pulse.jobs.telemetry.quality;

/**
 * When a reading is late. A watermark W promises that no more readings at or before W will come
 * (Flink's convention), so a reading is late when {@code ts + allowedLateness <= W}. Readings
 * that pass this test are never at or behind the watermark the next operator has seen, which is
 * what lets {@link AnomalyScorer} release its buffer in event-time order.
 */
final class Lateness {

    private Lateness() {}

    static boolean isLate(long ts, long watermark, long allowedLatenessMs) {
        return saturatedAdd(ts, allowedLatenessMs) <= watermark;
    }

    /** a + b for b >= 0, held at Long.MAX_VALUE instead of wrapping around. */
    static long saturatedAdd(long a, long b) {
        long sum = a + b;
        return sum < a ? Long.MAX_VALUE : sum;
    }
}

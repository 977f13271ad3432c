package io.pulse.jobs.telemetry.alerts;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * When a device's silence is proven, judged against what one subtask of the OFFLINE detector hears
 * from the whole fleet (its own devices' readings and the other subtasks' {@link ArrivalPulses}).
 * A stretch of more than {@value #GAP_MS} ms in which nothing arrived from any device means Pulse
 * was not receiving (the broker was away, a sink stalled the job, the job was restarting), so it
 * does not count towards any device's timeout; neither does the time before this run started.
 * A silence of the whole fleet still counts once it has gone on for the timeout plus
 * {@value #MAX_DEFERRAL_MS} ms: a campus-wide power cut is reported, just later. So is a device
 * of a fleet so small that nothing at all arrives for seconds at a time.
 *
 * <p>Wall-clock only and per run: nothing here is state to restore (a restart is a silence of
 * Pulse that starts the count afresh).
 */
final class FleetSilence {

    /** Pulses come every second from each subtask that receives: three without any is a gap. */
    static final long GAP_MS = 3_000;
    static final long MAX_DEFERRAL_MS = 30_000;
    /** Enough for any timeout in use: a gap older than the newest 64 hardly overlaps a silence still counted. */
    private static final int GAPS_KEPT = 64;
    private static final long NONE = Long.MIN_VALUE;

    private final Deque<long[]> gaps = new ArrayDeque<>();
    private long startedAt = NONE;
    private long lastHeardAt = NONE;

    /** This subtask's first callback: when this run started receiving. */
    void started(long now) {
        if (startedAt == NONE) {
            startedAt = now;
            lastHeardAt = now;
        }
    }

    /** A reading, or a pulse of readings elsewhere, arrived now. */
    void heard(long now) {
        started(now);
        if (now - lastHeardAt > GAP_MS) {
            if (gaps.size() == GAPS_KEPT) {
                gaps.removeFirst();
            }
            gaps.addLast(new long[] {lastHeardAt, now});
        }
        lastHeardAt = Math.max(lastHeardAt, now);
    }

    /**
     * For a device last heard at {@code lastArrival} with this timeout: {@code now} when its
     * silence is proven, else when to look again.
     */
    long provenAt(long lastArrival, long timeoutMs, long now) {
        started(now);
        long from = Math.max(lastArrival, startedAt);
        long cap = from + timeoutMs + MAX_DEFERRAL_MS;
        if (now >= cap) {
            return now;
        }
        long counted = now - from - notReceiving(from, now);
        return counted >= timeoutMs ? now : Math.min(cap, now + timeoutMs - counted);
    }

    /** How much of [from, now] fell into gaps, the one going on now included. */
    private long notReceiving(long from, long now) {
        long total = 0;
        for (long[] gap : gaps) {
            total += overlap(gap[0], gap[1], from, now);
        }
        if (now - lastHeardAt > GAP_MS) {
            total += overlap(lastHeardAt, now, from, now);
        }
        return total;
    }

    private static long overlap(long start, long end, long from, long to) {
        return Math.max(0, Math.min(end, to) - Math.max(start, from));
    }
}

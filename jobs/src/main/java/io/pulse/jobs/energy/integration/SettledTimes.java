package io.pulse.jobs.energy.integration;

import java.util.Arrays;

/**
 * The times of the readings {@link MeterHistory#settle} folded away, so that a repeat of one is
 * still known as a repeat. The source acknowledges a message after the checkpoint that covers
 * it; an acknowledgement lost in a failure makes the broker redeliver a reading the restored
 * state already holds, possibly settled, and it must be dropped as a duplicate, not refused as
 * late.
 *
 * <p>Ascending times: {@link #first}, then the gaps to each next one as unsigned LEB128 varints
 * (2 bytes per reading at a 1 s cadence instead of 8). Part of {@link MeterHistory}, changed in place.
 */
public final class SettledTimes {

    public byte[] gaps = new byte[0];
    /** Bytes of {@link #gaps} in use. */
    public int length;
    public int count;
    public long first;
    public long last;

    /** Where the last {@link #walkTo} ended: bytes read and times passed (not state). */
    private transient int walkedBytes;
    private transient int walkedSteps;

    public SettledTimes() {}

    public SettledTimes copy() {
        SettledTimes c = new SettledTimes();
        c.gaps = gaps.clone();
        c.length = length;
        c.count = count;
        c.first = first;
        c.last = last;
        return c;
    }

    /** Appends t; a time not after the last one is ignored (settling goes forward in time). */
    public void append(long t) {
        if (count == 0) {
            first = t;
        } else if (t <= last) {
            return;
        } else {
            writeGap(t - last);
        }
        last = t;
        count++;
    }

    public boolean contains(long t) {
        if (count == 0 || t < first || t > last) {
            return false;
        }
        return walkTo(t) == t;
    }

    /** Forgets the times before {@code cutoff}. */
    public void dropBefore(long cutoff) {
        if (count == 0 || first >= cutoff) {
            return;
        }
        if (last < cutoff) {
            gaps = new byte[0];
            length = 0;
            count = 0;
            return;
        }
        first = walkTo(cutoff);
        int pos = walkedBytes;
        count -= walkedSteps;
        length -= pos;
        // Give back the heap a burst made it grow to, with room to spare so that this is rare.
        byte[] kept = gaps.length > 64 && length * 3 < gaps.length ? new byte[gaps.length / 2] : gaps;
        System.arraycopy(gaps, pos, kept, 0, length);
        gaps = kept;
    }

    /** The first time at or after target (at most {@link #last}); sets the walked* fields. */
    private long walkTo(long target) {
        long time = first;
        int pos = 0;
        int steps = 0;
        while (time < target) {
            long gap = 0;
            int shift = 0;
            byte b;
            do {
                b = gaps[pos++];
                gap |= (long) (b & 0x7f) << shift;
                shift += 7;
            } while (b < 0);
            time += gap;
            steps++;
        }
        walkedBytes = pos;
        walkedSteps = steps;
        return time;
    }

    private void writeGap(long gap) {
        if (gaps.length - length < 10) {
            gaps = Arrays.copyOf(gaps, Math.max(16, gaps.length * 2));
        }
        while ((gap & ~0x7fL) != 0) {
            gaps[length++] = (byte) ((gap & 0x7f) | 0x80);
            gap >>>= 7;
        }
        gaps[length++] = (byte) gap;
    }
}

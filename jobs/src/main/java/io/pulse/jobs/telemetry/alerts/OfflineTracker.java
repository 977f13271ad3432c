package io.pulse.jobs.telemetry.alerts;

import io.pulse.jobs.telemetry.rules.AlertType;

import java.util.List;

import static io.pulse.jobs.telemetry.alerts.OfflineState.NONE;

/**
 * OFFLINE as pure functions over a device's {@link OfflineState}; {@link OfflineDetector} calls
 * them from its element and timer callbacks. A device is offline from its last reading's time +
 * the timeout until its next reading; both paths name the alert by that opening time, so they give
 * the same alert id:
 * <ul>
 *   <li>wall clock ({@link #silent}): the device has sent nothing for the timeout; the alert stays
 *       open and resolves when a reading arrives ({@link #arrived});</li>
 *   <li>event time ({@link #inOrder}): two readings, in timestamp order, further apart than the
 *       timeout — in replayed or backfilled data — give an alert opened and resolved at once,
 *       unless the wall-clock path reported that gap already.</li>
 * </ul>
 */
public final class OfflineTracker {

    private OfflineTracker() {}

    /** A reading arrived: resolves the open alert if the reading is newer than the silence. */
    public static List<AlertEvent> arrived(OfflineState st, EvaluatedReading r) {
        List<AlertEvent> events = List.of();
        if (st.open != null && r.ts() > st.silentSince) {
            // Never before it opened: a reading from inside the timeout, delayed on its way, proves
            // the silence shorter than the alert says; it ends the alert at its opening.
            long backAt = Math.max(r.ts(), st.open.openedAt().toEpochMilli());
            events = List.of(resolve(st.open, st.silentSince, backAt));
            st.resolvedOnArrival = st.open.openedAt().toEpochMilli();
            st.open = null;
            st.silentSince = NONE;
        }
        st.newestSeenTs = Math.max(st.newestSeenTs, r.ts());
        st.afterMs = r.offlineAfterMs();
        st.displayName = r.displayName();
        return events;
    }

    /** The wall-clock deadline passed without a reading: opens OFFLINE at the last reading's time + the timeout. */
    public static List<AlertEvent> silent(OfflineState st, String deviceId) {
        if (st.open != null || st.afterMs <= 0 || st.newestSeenTs == NONE) {
            return List.of();
        }
        st.open = open(deviceId, st.displayName, st.newestSeenTs, st.afterMs);
        st.silentSince = st.newestSeenTs;
        return List.of(AlertEvent.opened(st.open));
    }

    /** The reading at {@code ts} in timestamp order: a gap before it is an OFFLINE alert opened and resolved. */
    public static List<AlertEvent> inOrder(OfflineState st, String deviceId, long ts) {
        long previous = st.lastTs;
        if (previous != NONE && ts <= previous) {
            return List.of(); // older than what was handled: it can no longer fill a gap
        }
        st.lastTs = ts;
        if (previous == NONE || st.afterMs <= 0 || ts - previous <= st.afterMs) {
            return List.of();
        }
        long openedAt = previous + st.afterMs;
        if (openedAt == st.resolvedOnArrival || (st.open != null && st.open.openedAt().toEpochMilli() == openedAt)) {
            return List.of();
        }
        Alert alert = open(deviceId, st.displayName, previous, st.afterMs);
        return List.of(AlertEvent.opened(alert), resolve(alert, previous, ts));
    }

    private static Alert open(String deviceId, String displayName, long lastTs, long afterMs) {
        return Alert.open(deviceId, AlertType.OFFLINE, AlertType.OFFLINE.severity(), lastTs + afterMs, null,
                AlertMessages.offline(deviceId, displayName, lastTs, afterMs));
    }

    /** Resolved at the next reading; the value is how long the device was silent, in seconds. */
    private static AlertEvent resolve(Alert alert, long lastTs, long backAt) {
        return AlertEvent.resolved(alert.resolved(backAt, (backAt - lastTs) / 1000.0,
                AlertMessages.offlineResolved(alert, backAt, lastTs)));
    }
}

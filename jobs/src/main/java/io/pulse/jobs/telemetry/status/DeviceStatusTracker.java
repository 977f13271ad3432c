package io.pulse.jobs.telemetry.status;

import io.pulse.jobs.telemetry.alerts.Alert;
import io.pulse.jobs.telemetry.alerts.AlertEvent;
import io.pulse.jobs.telemetry.health.DeviceStatus;
import io.pulse.jobs.telemetry.health.HealthScore;
import io.pulse.jobs.telemetry.quality.ScoredReading;
import io.pulse.jobs.telemetry.rules.AlertType;

import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.streaming.api.functions.co.KeyedCoProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;

import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The {@code device_status} row of each device, keyed by device id, from two inputs: the scored
 * readings (last seen) and the alert events (open alerts, the last BATTERY_DROP).
 *
 * <p><b>What is written.</b> A row when health, online or the number of open alerts differs from
 * the last row written, and otherwise, for a reading, only when last_seen_at has moved at least
 * {@code lastSeenInterval} (default 10 s, event time) past the last written one: a device reporting
 * every second costs one write per 10 s, not one per reading. Every input gives at most one row.
 * The rows whose dashboard fields changed also go to {@link #HEALTH_CHANGES} (for the time series),
 * there with updated_at = the time of the reading, alert or timer that caused the change.
 * online = no OFFLINE alert open; health = {@link HealthScore#score} of the open types and the
 * last BATTERY_DROP, evaluated at the device's clock; updated_at = that clock (event time, so a
 * replay writes the same rows).
 *
 * <p><b>Order.</b> Alert events leave the lifecycle once the watermark has passed them, so they
 * arrive after readings that are later in event time. Both inputs are applied in the order they
 * arrive; the device's clock is the largest event time seen, so it never goes back. The status is
 * therefore eventually consistent: e.g. the reading that ends an OFFLINE gap moves last_seen_at
 * first, and online becomes true when the OFFLINE "resolved" event follows a moment later. The
 * penalty of a BATTERY_DROP ends at the first input after its window, or at an event-time timer at
 * the window's end when the device sends nothing else.
 *
 * <p><b>Registry.</b> The first reading of a device (once per device: the flag lives in keyed state
 * and survives a restore) also emits {@link Device#firstSeen} to {@link #REGISTRATIONS}.
 */
public class DeviceStatusTracker extends KeyedCoProcessFunction<String, ScoredReading, AlertEvent, DeviceStatus> {

    private static final long serialVersionUID = 1L;

    public static final Duration DEFAULT_LAST_SEEN_INTERVAL = Duration.ofSeconds(10);

    /** A device's first valid reading: one registration per device. */
    public static final OutputTag<Device> REGISTRATIONS = new OutputTag<>("device-registrations", TypeInformation.of(Device.class));

    /** The rows whose health, online or open alerts changed, timed at their cause (not the rows that only move last_seen_at). */
    public static final OutputTag<DeviceStatus> HEALTH_CHANGES =
            new OutputTag<>("device-health-changes", TypeInformation.of(DeviceStatus.class));

    private static final int OFFLINE_BIT = 1 << AlertType.OFFLINE.ordinal();

    private final HealthScore health;
    private final long lastSeenIntervalMs;

    private transient ValueState<DeviceStatusState> state;

    public DeviceStatusTracker() {
        this(HealthScore.DEFAULTS, DEFAULT_LAST_SEEN_INTERVAL);
    }

    public DeviceStatusTracker(HealthScore health, Duration lastSeenInterval) {
        this.health = Objects.requireNonNull(health, "health");
        if (lastSeenInterval.isNegative()) {
            throw new IllegalArgumentException("last seen interval must not be negative, got " + lastSeenInterval);
        }
        this.lastSeenIntervalMs = lastSeenInterval.toMillis();
    }

    @Override
    public void open(OpenContext openContext) {
        state = getRuntimeContext().getState(new ValueStateDescriptor<>("device-status", DeviceStatusState.class));
    }

    @Override
    public void processElement1(ScoredReading reading, Context ctx, Collector<DeviceStatus> out) throws Exception {
        DeviceStatusState s = current();
        if (!s.seen) {
            s.seen = true;
            s.lastSeen = reading.ts();
            ctx.output(REGISTRATIONS, Device.firstSeen(reading.deviceId(), Instant.ofEpochMilli(reading.ts())));
        }
        s.lastSeen = Math.max(s.lastSeen, reading.ts());
        s.clock = Math.max(s.clock, reading.ts());
        boolean lastSeenDue = s.lastSeen - s.writtenLastSeen >= lastSeenIntervalMs;
        emit(ctx, s, lastSeenDue, reading.ts(), out);
        state.update(s);
    }

    @Override
    public void processElement2(AlertEvent event, Context ctx, Collector<DeviceStatus> out) throws Exception {
        DeviceStatusState s = current();
        Alert alert = event.alert();
        int bit = 1 << alert.type().ordinal();
        long at = alert.resolvedAt() != null ? alert.resolvedAt().toEpochMilli() : alert.openedAt().toEpochMilli();
        if (alert.isOpen()) {
            s.openTypes |= bit;
        } else {
            s.openTypes &= ~bit;
        }
        if (alert.type() == AlertType.BATTERY_DROP && AlertEvent.OPENED.equals(event.event())) {
            long opened = alert.openedAt().toEpochMilli();
            s.lastBatteryDrop = Math.max(s.lastBatteryDrop, opened);
            // The penalty ends after the window even if nothing else happens to the device.
            ctx.timerService().registerEventTimeTimer(opened + health.batteryDropWindow().toMillis() + 1);
        }
        s.clock = Math.max(s.clock, at);
        emit(ctx, s, false, at, out);
        state.update(s);
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<DeviceStatus> out) throws Exception {
        DeviceStatusState s = state.value();
        if (s == null) {
            return;
        }
        s.clock = Math.max(s.clock, timestamp);
        emit(ctx, s, false, timestamp, out);
        state.update(s);
    }

    /** What this operator reads of a scored reading, device and time, without the values it need not receive. */
    public static ScoredReading seen(ScoredReading reading) {
        return new ScoredReading(reading.deviceId(), reading.ts(), Map.of(), Map.of(), Set.of());
    }

    private DeviceStatusState current() throws Exception {
        DeviceStatusState s = state.value();
        return s == null ? new DeviceStatusState() : s;
    }

    /**
     * Writes a row when a dashboard field changed, or when {@code lastSeenDue}; at most one. A
     * change also goes to the time series at {@code causeTime}, the time of the reading, alert or
     * timer that caused it: alert events arrive after later readings, and a point stamped with the
     * device's clock would overwrite the next change's point at the same time.
     */
    private void emit(Context ctx, DeviceStatusState s, boolean lastSeenDue, long causeTime, Collector<DeviceStatus> out) {
        if (!s.seen) {
            return; // no reading yet: nothing to put in last_seen_at
        }
        int score = health.score(openTypeNames(s.openTypes),
                s.lastBatteryDrop == Long.MIN_VALUE ? null : Instant.ofEpochMilli(s.lastBatteryDrop),
                Instant.ofEpochMilli(s.clock));
        boolean online = (s.openTypes & OFFLINE_BIT) == 0;
        int openAlerts = Integer.bitCount(s.openTypes);
        boolean changed = !s.written || score != s.writtenHealth || online != s.writtenOnline || openAlerts != s.writtenOpenAlerts;
        if (!changed && !lastSeenDue) {
            return;
        }
        DeviceStatus row = new DeviceStatus(ctx.getCurrentKey(), Instant.ofEpochMilli(s.lastSeen), online, score, openAlerts,
                Instant.ofEpochMilli(s.clock));
        out.collect(row);
        if (changed) {
            ctx.output(HEALTH_CHANGES, new DeviceStatus(row.deviceId(), row.lastSeenAt(), online, score, openAlerts,
                    Instant.ofEpochMilli(causeTime)));
        }
        s.written = true;
        s.writtenHealth = score;
        s.writtenOnline = online;
        s.writtenOpenAlerts = openAlerts;
        s.writtenLastSeen = s.lastSeen;
    }

    private static Set<String> openTypeNames(int openTypes) {
        Set<String> names = new HashSet<>(4);
        for (AlertType type : AlertType.values()) {
            if ((openTypes & (1 << type.ordinal())) != 0) {
                names.add(type.name());
            }
        }
        return names;
    }
}

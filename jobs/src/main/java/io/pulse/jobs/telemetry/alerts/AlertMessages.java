package io.pulse.jobs.telemetry.alerts;

import io.pulse.jobs.telemetry.rules.Rule;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * The texts of alerts: what happened, on which device, since when, and what a person should do.
 * Times are UTC like everything Pulse stores.
 */
public final class AlertMessages {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss 'UTC'").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter DATE_TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'").withZone(ZoneOffset.UTC);

    private AlertMessages() {}

    /** The message of an alert opened by a pattern match. */
    public static String opened(AlertMatch m, Rule rule, PatternSettings settings) {
        String device = device(m.deviceId(), m.displayName());
        return switch (m.type()) {
            case OVERHEAT -> "Temperature on " + device + " has been above " + number(rule.threshold()) + " °C for "
                    + m.readings() + " readings since " + time(m.firstTs()) + " (" + number(m.value()) + " °C)."
                    + " Check cooling and airflow.";
            case HIGH_VIBRATION -> "Vibration on " + device + " has been above " + number(rule.threshold()) + " g for "
                    + m.readings() + " readings since " + time(m.firstTs()) + " (" + number(m.value()) + " g)."
                    + " Check the mounting and moving parts for looseness or wear.";
            case ANOMALY_BURST -> device + " sent " + m.readings() + " anomalous readings in "
                    + seconds(m.ts() - m.firstTs()) + " from " + time(m.firstTs()) + " (" + m.detail()
                    + "; |z| up to " + number(m.value()) + "). Inspect the device and its surroundings;"
                    + " if nothing is wrong there, check the sensor.";
            case FIRE_RISK -> "Gas at " + number(m.value()) + " ppm (above " + number(rule.threshold())
                    + ") and flame detected on " + device + " at " + time(m.ts())
                    + (m.ts() > m.firstTs() ? " (" + seconds(m.ts() - m.firstTs()) + " apart)" : "")
                    + ". Treat it as a fire: warn people nearby, evacuate and call emergency services.";
            case BATTERY_DROP -> "Battery on " + device + " fell from " + number(m.previousValue()) + " % to "
                    + number(m.previousValue() - m.value()) + " % in " + seconds(m.ts() - m.firstTs()) + " at "
                    + time(m.ts()) + " (more than " + number(rule.threshold()) + " points)."
                    + " Check for a failing battery or a fault drawing power.";
            default -> throw new IllegalArgumentException(m.type() + " is not opened by a pattern");
        };
    }

    public static String lowBattery(EvaluatedReading r, Rule rule) {
        String device = device(r.deviceId(), r.displayName());
        if (r.batteryCritical()) {
            return "Battery on " + device + " is at " + number(r.battery()) + " % (below " + number(rule.critical())
                    + " %). Replace or recharge it now: the device will soon stop reporting.";
        }
        return "Battery on " + device + " is at " + number(r.battery()) + " % (below " + number(rule.threshold())
                + " %). Replace or recharge it soon.";
    }

    /** The message of a resolved alert: the original one, and when it cleared. */
    public static String resolved(Alert alert, EvaluatedReading r) {
        String reading = switch (alert.type()) {
            case OVERHEAT -> " (" + number(r.temperature()) + " °C)";
            case HIGH_VIBRATION -> " (" + number(r.vibration()) + " g)";
            case LOW_BATTERY -> " (" + number(r.battery()) + " %)";
            default -> "";
        };
        return alert.message() + " Resolved at " + time(r.ts()) + reading + ".";
    }

    public static String offline(String deviceId, String displayName, long lastTs, long afterMs) {
        return "No reading from " + device(deviceId, displayName) + " since " + DATE_TIME.format(Instant.ofEpochMilli(lastTs))
                + " (expected at least every " + seconds(afterMs) + "). Check its power supply and network connection.";
    }

    public static String offlineResolved(Alert alert, long backAt, long lastTs) {
        return alert.message() + " Back at " + DATE_TIME.format(Instant.ofEpochMilli(backAt)) + " after "
                + seconds(backAt - lastTs) + " without readings.";
    }

    static String device(String deviceId, String displayName) {
        return displayName == null || displayName.isBlank() ? deviceId : deviceId + " (" + displayName + ")";
    }

    static String time(long ts) {
        return TIME.format(Instant.ofEpochMilli(ts));
    }

    static String seconds(long ms) {
        return number(ms / 1000.0) + " s";
    }

    /** At most two decimals, none when whole: 75, 82.4, 1.55. */
    static String number(double value) {
        if (!Double.isFinite(value)) {
            return String.valueOf(value);
        }
        return BigDecimal.valueOf(value).setScale(2, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString();
    }
}

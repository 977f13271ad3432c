package io.pulse.jobs.telemetry.health;

import java.io.Serializable;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Set;

/**
 * A device's health, 0..100: 100 minus a weight for each of OVERHEAT, HIGH_VIBRATION and
 * LOW_BATTERY while open, and minus {@code batteryDrop} when a BATTERY_DROP happened within
 * {@code batteryDropWindow} before the time of evaluation. Alert types are the alert names as
 * strings, so this stays independent of how the alert rules model them.
 *
 * @param overheat          deducted while OVERHEAT is open (contract: 30)
 * @param highVibration     deducted while HIGH_VIBRATION is open (20)
 * @param lowBattery        deducted while LOW_BATTERY is open (20)
 * @param batteryDrop       deducted for a recent BATTERY_DROP (10)
 * @param batteryDropWindow how recent a BATTERY_DROP counts (5 minutes)
 */
public record HealthScore(int overheat, int highVibration, int lowBattery, int batteryDrop, Duration batteryDropWindow)
        implements Serializable {

    public static final String OVERHEAT = "OVERHEAT";
    public static final String HIGH_VIBRATION = "HIGH_VIBRATION";
    public static final String LOW_BATTERY = "LOW_BATTERY";
    public static final String BATTERY_DROP = "BATTERY_DROP";

    public static final int MAX = 100;
    public static final HealthScore DEFAULTS = new HealthScore(30, 20, 20, 10, Duration.ofMinutes(5));

    public HealthScore {
        Objects.requireNonNull(batteryDropWindow, "batteryDropWindow");
        if (overheat < 0 || highVibration < 0 || lowBattery < 0 || batteryDrop < 0) {
            throw new IllegalArgumentException("health weights must not be negative");
        }
        if (batteryDropWindow.isNegative()) {
            throw new IllegalArgumentException("battery drop window must not be negative, got " + batteryDropWindow);
        }
    }

    /**
     * The health at {@code at}.
     *
     * @param openAlertTypes   the types of the device's open alerts (others are ignored)
     * @param lastBatteryDrop  when the last BATTERY_DROP happened, or null if none
     */
    public int score(Set<String> openAlertTypes, Instant lastBatteryDrop, Instant at) {
        int health = MAX;
        if (openAlertTypes.contains(OVERHEAT)) {
            health -= overheat;
        }
        if (openAlertTypes.contains(HIGH_VIBRATION)) {
            health -= highVibration;
        }
        if (openAlertTypes.contains(LOW_BATTERY)) {
            health -= lowBattery;
        }
        if (recent(lastBatteryDrop, at)) {
            health -= batteryDrop;
        }
        return Math.max(0, Math.min(MAX, health));
    }

    /** A drop at most the window before {@code at}; one after {@code at} has not happened yet then. */
    private boolean recent(Instant drop, Instant at) {
        return drop != null && !drop.isAfter(at) && !drop.isBefore(at.minus(batteryDropWindow));
    }
}

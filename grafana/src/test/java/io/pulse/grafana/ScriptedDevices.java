package io.pulse.grafana;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;

import static io.pulse.grafana.ScriptedClock.saturday;

/**
 * Ten minutes of six devices for the telemetry job, Saturday 11:49:00 to 11:59:50 (step i at
 * 11:49:00 + 10 s × i), with the alerts and status they must give (contract section 4), worked
 * out by hand. Every metric changes within its first 20 readings or moves steadily, so no
 * reading but pump-02's spike is anomalous (|z| >= 3) and no ANOMALY_BURST opens.
 *
 * <pre>
 * workshop-04     temperature 50/70 alternating, then 76..80 at steps 55..59: OVERHEAT (HIGH) at step 57, open
 * pump-02         vibration 0.4/0.6, 2.0 at steps 5..7: HIGH_VIBRATION (MEDIUM) step 7, resolved step 8;
 *                 1.2 at step 40: z = 7, one anomalous reading
 * lab-freezer-01  battery 40.0 falling 0.2 per step: LOW_BATTERY (LOW) at step 51 (29.8 %), open
 * gas-lab-03      gas 450 from step 5, flame from step 7: FIRE_RISK (CRITICAL) at step 7, open
 * hall-node-07    steps 0..36 only (last 11:55:00), default 15 s timeout: OFFLINE (HIGH) at 11:55:15, open
 * gateway-00      steps 0..65 (to 11:59:50): moves event time past everyone else's last reading
 * </pre>
 * Devices other than hall-node-07 are registered with an expected interval of a day, so the
 * wall-clock OFFLINE check (15 s of real time after the test stops publishing) leaves them alone.
 */
public final class ScriptedDevices {

    public static final Instant T0 = saturday("11:49:00");
    public static final int STEPS = 60;
    public static final int GATEWAY_STEPS = 66;

    /** A registry row: id, name, location, kind, expected interval (null = the default 15 s). */
    public record Device(String id, String name, String location, String kind, Long expectedIntervalMs) {}

    private static final long A_DAY = 86_400_000L;

    public static final List<Device> DEVICES = List.of(
            new Device("workshop-04", "Lathe monitor", "Workshop", "sensor", A_DAY),
            new Device("pump-02", "Coolant pump", "Workshop", "sensor", A_DAY),
            new Device("lab-freezer-01", "Freezer", "Lab 2", "sensor", A_DAY),
            new Device("gas-lab-03", "Gas detector", "Chem lab", "sensor", A_DAY),
            new Device("hall-node-07", "Hall sensor", "Main hall", "sensor", null),
            new Device("gateway-00", "Gateway heartbeat", "Server room", "gateway", A_DAY));

    private ScriptedDevices() {}

    public static Instant step(int i) {
        return T0.plusSeconds(10L * i);
    }

    /** Every reading, in event-time order across devices, with one repeat (dropped as a duplicate). */
    public static List<Publish> messages() {
        List<Publish> m = new ArrayList<>();
        for (int i = 0; i < GATEWAY_STEPS; i++) {
            if (i < STEPS) {
                reading(m, "workshop-04", i, n -> "\"temperature\":" + workshopTemperature(n));
                reading(m, "pump-02", i, n -> "\"temperature\":40,\"vibration\":" + pumpVibration(n));
                if (i == 10) {
                    reading(m, "pump-02", i, n -> "\"temperature\":40,\"vibration\":" + pumpVibration(n)); // a repeat
                }
                reading(m, "lab-freezer-01", i, n -> "\"temperature\":" + (n % 2 == 0 ? -21 : -19)
                        + ",\"battery\":" + BigDecimal.valueOf(400 - 2L * n, 1));
                reading(m, "gas-lab-03", i, n -> "\"gas\":" + (n >= 5 ? 450 : 100) + ",\"flame\":" + (n >= 7));
                if (i <= 36) {
                    reading(m, "hall-node-07", i, n -> "\"temperature\":22,\"humidity\":45");
                }
            }
            reading(m, "gateway-00", i, n -> "\"temperature\":25");
        }
        return m;
    }

    /** A reading minutes behind the watermark, sent once the job has processed the rest: late. */
    public static Publish lateReading() {
        return new Publish("devices/workshop-04/telemetry", "{\"deviceId\":\"workshop-04\",\"ts\":"
                + step(10).plusSeconds(5).toEpochMilli() + ",\"temperature\":55}");
    }

    static double workshopTemperature(int i) {
        return i >= 55 ? 76 + (i - 55) : i % 2 == 0 ? 50 : 70;
    }

    static double pumpVibration(int i) {
        if (i >= 5 && i <= 7) {
            return 2.0;
        }
        return i == 40 ? 1.2 : i % 2 == 0 ? 0.4 : 0.6;
    }

    private static void reading(List<Publish> m, String device, int i, IntFunction<String> metrics) {
        m.add(new Publish("devices/" + device + "/telemetry", "{\"deviceId\":\"" + device + "\",\"ts\":\"" + step(i) + "\","
                + metrics.apply(i) + "}"));
    }

    // ---------------------------------------------------------------- expected figures

    /** An alert: device|type|severity|opened|resolved (or open). */
    public static List<String> alerts() {
        return List.of(
                "gas-lab-03|FIRE_RISK|CRITICAL|" + step(7) + "|open",
                "hall-node-07|OFFLINE|HIGH|" + step(36).plusSeconds(15) + "|open",
                "lab-freezer-01|LOW_BATTERY|LOW|" + step(51) + "|open",
                "pump-02|HIGH_VIBRATION|MEDIUM|" + step(7) + "|" + step(8),
                "workshop-04|OVERHEAT|HIGH|" + step(57) + "|open");
    }

    /** Open at now, most severe first (the Open alerts panel's order). */
    public static final List<String> OPEN_ALERTS_BY_SEVERITY = List.of("FIRE_RISK", "OVERHEAT", "OFFLINE", "LOW_BATTERY");
    /** Opened in the 5 minutes before now: OVERHEAT, LOW_BATTERY, OFFLINE. */
    public static final int ALERTS_LAST_5_MIN = 3;
    /** Reported in the last 5 minutes and online: all but hall-node-07. */
    public static final int ACTIVE = 5;
    public static final int OFFLINE = 1;
    /** 70 (OVERHEAT) + 80 (LOW_BATTERY) + 4 × 100, over 6 devices. */
    public static final double AVERAGE_HEALTH = 550.0 / 6;
    /**
     * The newest reading scored is gateway-00's at 11:59:40: a reading is scored once the
     * watermark (the newest ts, 11:59:50, less 5 s out of order) has passed it.
     */
    public static final Instant LAST_SCORED = step(GATEWAY_STEPS - 2);
    /** The newest reading, gateway-00's at 11:59:50: raw values reach InfluxDB as they arrive, unscored. */
    public static final Instant LAST_SENT = step(GATEWAY_STEPS - 1);
}

package io.pulse.grafana;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import static io.pulse.grafana.ScriptedClock.friday;
import static io.pulse.grafana.ScriptedClock.saturday;

/**
 * Three meters for the energy job, every 10 s, with the figures they must give (contract
 * section 4, 1 Wh = 3,600 W·s), worked out by hand:
 *
 * <pre>
 * Friday    M1 1200 W and M2 600 W, 10:00:00..10:30:00                 M1 600 Wh, M2 300 Wh
 * Saturday  M1 1200 W 11:00:00..11:45:00                                 900 Wh
 *           M2 600 W 11:00:00..11:05:00, nothing until 11:07:00 (a 120 s gap, not integrated),
 *              600 W to 11:15:00, 1800 W 11:15:10..11:45:00
 *              = 180,000 + 288,000 + 12,000 (the 10 s ramp) + 3,222,000 W·s = 1028.33 Wh
 *           M3 200 W 11:00:00..11:58:00; the watermark (11:57:55) has closed its windows to
 *              11:55 only: 3,300 s = 183.33 Wh
 *           then, once that is processed, an M3 reading of 11:50:05: late
 * </pre>
 * The campus's peak quarter hour on Saturday is 11:30-11:45: 1200 + 1800 + 200 = 3200 W.
 */
public final class ScriptedMeters {

    private record Reading(String meter, Instant ts, double powerW) {}

    private ScriptedMeters() {}

    public static List<Publish> messages() {
        List<Reading> readings = new ArrayList<>();
        every10s(readings, "M1", friday("10:00:00"), friday("10:30:00"), 1200);
        every10s(readings, "M2", friday("10:00:00"), friday("10:30:00"), 600);
        every10s(readings, "M1", saturday("11:00:00"), saturday("11:45:00"), 1200);
        every10s(readings, "M2", saturday("11:00:00"), saturday("11:05:00"), 600);
        every10s(readings, "M2", saturday("11:07:00"), saturday("11:15:00"), 600);
        every10s(readings, "M2", saturday("11:15:10"), saturday("11:45:00"), 1800);
        every10s(readings, "M3", saturday("11:00:00"), saturday("11:58:00"), 200);
        readings.sort(Comparator.comparing(Reading::ts).thenComparing(Reading::meter));
        return readings.stream().map(ScriptedMeters::json).toList();
    }

    /** Behind the watermark (11:57:55) by more than 60 s once the job has processed the rest: late. */
    public static Publish lateReading() {
        return json(new Reading("M3", saturday("11:50:05"), 200));
    }

    private static void every10s(List<Reading> out, String meter, Instant from, Instant to, double powerW) {
        for (Instant t = from; !t.isAfter(to); t = t.plusSeconds(10)) {
            out.add(new Reading(meter, t, powerW));
        }
    }

    private static Publish json(Reading r) {
        return new Publish("energy/meters/" + r.meter() + "/readings", "{\"meterId\":\"" + r.meter() + "\",\"ts\":"
                + r.ts().toEpochMilli() + ",\"voltage\":230.0,\"current\":" + r.powerW() / 230.0 + ",\"power\":" + r.powerW() + "}");
    }

    // ---------------------------------------------------------------- expected figures

    public static final double M1_SATURDAY_WH = 1200 * 2700 / 3600.0;
    public static final double M2_SATURDAY_WH = 3_702_000 / 3600.0;
    public static final double M3_SATURDAY_WH = 200 * 3300 / 3600.0;
    public static final double SATURDAY_WH = M1_SATURDAY_WH + M2_SATURDAY_WH + M3_SATURDAY_WH;
    public static final double FRIDAY_WH = 600 + 300;
    public static final double CAMPUS_PEAK_W = 3200;
    public static final Instant CAMPUS_PEAK_AT = saturday("11:30:00");
    public static final double M2_PEAK_W = 1800;
    public static final Instant M2_PEAK_AT = saturday("11:30:00");
    /** The latest power of each meter in the 30 minutes before now: 1200 + 1800 + 200 W. */
    public static final double POWER_NOW_W = 3200;
    /**
     * Saturday 06:00-12:00 (the dashboard's 6 h): window rows M1 10 (11:00..11:45), M2 10, M3 11
     * (11:00..11:50), daily rows 3, over the readings in those windows: M1 271, M2 31 + 229, M3 330.
     */
    public static final double ROWS_PER_READING = (10 + 10 + 11 + 3) / (271.0 + 260 + 330);
    /** M2's windows 11:05 (0.6: 180 of 300 s) and 11:45 (one reading, nothing integrated) have gaps. */
    public static final double M2_COVERAGE = (8 + 0.6) / 10;
}

package io.pulse.grafana;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static io.pulse.grafana.ScriptedClock.friday;
import static io.pulse.grafana.ScriptedClock.saturday;

/**
 * Two days at two gates for the movement job: {@code main} (lane scanners {@code main-in},
 * {@code main-out}) and {@code east} (dual-zone: {@code east-outer}, {@code east-inner}), with a
 * roster. The figures the dashboards must show are worked out by hand below, from contract
 * section 4.
 *
 * <pre>
 * Friday    07:30 P13 out at main while outside (ORPHAN_EXIT)
 *           08:00..08:54 P01..P10 in at main, every 6 min; 08:10, 08:20 randomized MACs at main
 *           09:00:05 P11 in at east (outer 08:59:55, inner 09:00:05); 09:30 P12 in at main
 *           12:05 randomized at east; 16:00..16:54 P01..P10 out at main; 17:00:10 P11 out at east
 *           P12 stays: OVERSTAY 21:30, QUIET_HOURS Saturday 01:00, closed unseen Saturday 01:30
 * Saturday  07:00..07:27 P01..P10 in at main, every 3 min; 07:30 P14, 07:33 P15, 07:36 U1 (not in
 *           the roster), 07:40:05 P11 at east, 07:45 P12, 07:48 P13: 16 inside
 *           09:00 P16 in, 09:10 P17 in (peak 18), 10:00 P16 out, 10:10 P17 out (main)
 *           randomized: 09:05, 10:20, 10:21 at main, 11:00 at east, 11:55 at main (moves event time on)
 *           then, once the job has processed that, P18 at 11:00: late
 * </pre>
 */
public final class ScriptedGates {

    public static final String HMAC_KEY = "grafana-it-campus-secret";
    public static final String QUIET_HOURS = "01:00-05:00";

    /** A person of the script; hostel null = not in the roster. */
    public record Person(String name, String mac, String rollNo, Integer year, String gender, String hostel,
                         String branch, String stream) {}

    public static final List<Person> PEOPLE = List.of(
            person(1, 1, "F", "Kaveri", "CSE", "BTech"),
            person(2, 2, "F", "Kaveri", "ECE", "BTech"),
            person(3, 3, "M", "Kaveri", "CSE", "BTech"),
            person(4, 4, "M", "Kaveri", "ECE", "BTech"),
            person(5, 1, "F", "Godavari", "CSE", "BTech"),
            person(6, 1, "F", "Godavari", "ECE", "BTech"),
            person(7, 2, "F", "Godavari", "CSE", "BTech"),
            person(8, 2, "M", "Godavari", "ECE", "BTech"),
            person(9, 3, "M", "Godavari", "CSE", "BTech"),
            person(10, 3, "M", "Godavari", "ME", "BTech"),
            person(11, 1, "F", "Narmada", "CSE", "BTech"),
            person(12, 2, "F", "Narmada", "ME", "BTech"),
            person(13, 4, "F", "Narmada", "CSE", "MTech"),
            person(14, 1, "M", "Narmada", "ME", "MTech"),
            person(15, 2, "M", "Narmada", "ME", "MTech"),
            person(16, 1, "F", "Tapti", "CSE", "BTech"),
            person(17, 2, "M", "Tapti", "Civil", "BTech"),
            person(18, 1, "M", "Godavari", "CSE", "BTech"),
            new Person("U1", "00:1A:2B:00:00:99", null, null, null, null, null, null));

    private static final List<String> RANDOMIZED = List.of("DA:A1:19:00:00:01", "DA:A1:19:00:00:02", "DA:A1:19:00:00:03",
            "DA:A1:19:00:00:04", "DA:A1:19:00:00:05", "DA:A1:19:00:00:06", "DA:A1:19:00:00:07", "DA:A1:19:00:00:08");

    private ScriptedGates() {}

    private static Person person(int n, int year, String gender, String hostel, String branch, String stream) {
        return new Person(String.format("P%02d", n), String.format("00:1A:2B:00:00:%02X", n), String.format("R2026%03d", n),
                year, gender, hostel, branch, stream);
    }

    public static Person named(String name) {
        return PEOPLE.stream().filter(p -> p.name().equals(name)).findFirst().orElseThrow();
    }

    /** The roster as {@code ./pulse people import} reads it; U1 is not in it. */
    public static String rosterCsv() {
        StringBuilder csv = new StringBuilder("mac,roll_no,year,gender,hostel,branch,stream\n");
        for (Person p : PEOPLE) {
            if (p.hostel() != null) {
                csv.append(String.join(",", p.mac(), p.rollNo(), p.year().toString(), p.gender(), p.hostel(), p.branch(),
                        p.stream())).append('\n');
            }
        }
        return csv.toString();
    }

    /** Every sighting in event-time order. */
    public static List<Publish> messages() {
        List<Publish> m = new ArrayList<>();
        lane(m, "P13", "main-out", "out", friday("07:30:00"));
        for (int k = 0; k < 10; k++) {
            lane(m, String.format("P%02d", k + 1), "main-in", "in", friday("08:00:00").plusSeconds(360L * k));
            if (k == 1) {
                anonymous(m, "main", "main-in", RANDOMIZED.get(0), friday("08:10:00"));
            }
            if (k == 3) {
                anonymous(m, "main", "main-in", RANDOMIZED.get(1), friday("08:20:00"));
            }
        }
        zone(m, "P11", "east-outer", "outer", friday("08:59:55"));
        zone(m, "P11", "east-inner", "inner", friday("09:00:05"));
        lane(m, "P12", "main-in", "in", friday("09:30:00"));
        anonymous(m, "east", "east-outer", RANDOMIZED.get(2), friday("12:05:00"));
        for (int k = 0; k < 10; k++) {
            lane(m, String.format("P%02d", k + 1), "main-out", "out", friday("16:00:00").plusSeconds(360L * k));
        }
        zone(m, "P11", "east-inner", "inner", friday("17:00:00"));
        zone(m, "P11", "east-outer", "outer", friday("17:00:10"));

        for (int k = 0; k < 10; k++) {
            lane(m, String.format("P%02d", k + 1), "main-in", "in", saturday("07:00:00").plusSeconds(180L * k));
        }
        lane(m, "P14", "main-in", "in", saturday("07:30:00"));
        lane(m, "P15", "main-in", "in", saturday("07:33:00"));
        lane(m, "U1", "main-in", "in", saturday("07:36:00"));
        zone(m, "P11", "east-outer", "outer", saturday("07:39:55"));
        zone(m, "P11", "east-inner", "inner", saturday("07:40:05"));
        lane(m, "P12", "main-in", "in", saturday("07:45:00"));
        lane(m, "P13", "main-in", "in", saturday("07:48:00"));
        lane(m, "P16", "main-in", "in", saturday("09:00:00"));
        anonymous(m, "main", "main-in", RANDOMIZED.get(3), saturday("09:05:00"));
        lane(m, "P17", "main-in", "in", saturday("09:10:00"));
        lane(m, "P16", "main-out", "out", saturday("10:00:00"));
        lane(m, "P17", "main-out", "out", saturday("10:10:00"));
        anonymous(m, "main", "main-in", RANDOMIZED.get(4), saturday("10:20:00"));
        anonymous(m, "main", "main-in", RANDOMIZED.get(5), saturday("10:21:00"));
        anonymous(m, "east", "east-outer", RANDOMIZED.get(6), saturday("11:00:00"));
        anonymous(m, "main", "main-in", RANDOMIZED.get(7), saturday("11:55:00"));
        return m;
    }

    /** P18 at 11:00, sent once the job's event time is at 11:55: late. */
    public static Publish lateSighting() {
        List<Publish> m = new ArrayList<>();
        lane(m, "P18", "main-in", "in", saturday("11:00:00"));
        return m.get(0);
    }

    private static void lane(List<Publish> m, String name, String scanner, String role, Instant ts) {
        m.add(new Publish("campus/gates/main/sightings", "{\"scanner\":\"" + scanner + "\",\"role\":\"" + role
                + "\",\"ts\":\"" + ts + "\",\"mac\":\"" + named(name).mac() + "\",\"rssi\":-61}"));
    }

    private static void zone(List<Publish> m, String name, String scanner, String role, Instant ts) {
        m.add(new Publish("campus/gates/east/sightings", "[{\"scanner\":\"" + scanner + "\",\"role\":\"" + role
                + "\",\"ts\":" + ts.toEpochMilli() + ",\"mac\":\"" + named(name).mac() + "\"}]"));
    }

    private static void anonymous(List<Publish> m, String gate, String scanner, String mac, Instant ts) {
        m.add(new Publish("campus/gates/" + gate + "/sightings", "{\"scanner\":\"" + scanner + "\",\"role\":\"in\",\"ts\":\""
                + ts + "\",\"mac\":\"" + mac + "\"}"));
    }

    // ---------------------------------------------------------------- expected figures

    /** Inside at now: P01..P15 and U1. */
    public static final int INSIDE_NOW = 16;
    public static final int INSIDE_MAIN = 15;
    public static final int INSIDE_EAST = 1;
    public static final int VISITORS_FRIDAY = 12;
    public static final int VISITORS_SATURDAY = 18;
    public static final int ENTRIES_FRIDAY = 12;
    public static final int EXITS_FRIDAY = 12;
    public static final int ENTRIES_SATURDAY = 18;
    public static final int EXITS_SATURDAY = 2;
    public static final int RANDOMIZED_SATURDAY = 5;
    public static final int PEAK_FRIDAY = 12;
    public static final Instant PEAK_FRIDAY_AT = friday("09:30:00");
    public static final int PEAK_SATURDAY = 18;
    public static final Instant PEAK_SATURDAY_AT = saturday("09:10:00");
    /** The visits of the script: 12 on Friday (P12's closed unseen), 18 on Saturday (16 open). */
    public static final int VISITS = 30;
    public static final int OPEN_VISITS = 16;
}

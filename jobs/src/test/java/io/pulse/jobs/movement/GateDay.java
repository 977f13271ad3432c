package io.pulse.jobs.movement;

import io.pulse.jobs.movement.ingest.MacAddress;
import io.pulse.jobs.movement.ingest.Pseudonyms;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * A scripted day at two gates — {@code main}, a lane gate (scanners {@code main-in}, {@code main-out})
 * and {@code east}, a dual-zone gate ({@code east-outer}, {@code east-inner}) — with the results it
 * must give, worked out by hand from contract section 4. Times are UTC on {@code day}.
 *
 * <pre>
 * alice  in at main 08:00:00 (lingers: 08:00:20, 08:00:50 debounced); out at east inner 11:59:50 → outer 12:00:00
 * bob    in at east outer 08:59:55 → inner 09:00:05; out at main 17:30:00
 * carol  (firmware macHash) in at main 10:00, in again 10:30 (ignored), out 11:00; east inner alone 10:45 (nothing)
 * dave   out at main 07:30 while outside: ORPHAN_EXIT
 * eve    in at main 09:30, never out: OVERSTAY at 21:30, QUIET_HOURS at 01:00, closed unseen at 01:30 next day
 * anonymous (randomized MACs): main 08:10, 08:20, 09:10; east 12:05 (flagged); main next day 02:00 (moves event time)
 * </pre>
 */
public final class GateDay {

    public static final String KEY = "it-campus-secret";
    public static final String QUIET_HOURS = "01:00-05:00";

    /** The raw MACs of the script, as their scanners write them. */
    public static final Map<String, String> MACS = Map.of(
            "alice", "A4:5E:60:12:34:56",
            "bob", "00-1a-2b-3c-4d-5e",
            "carol", "00:1A:2B:3C:4D:60",   // hashed by its firmware: sent as macHash
            "dave", "001A2B3C4D61",
            "eve", "3C:22:FB:9A:10:07");
    public static final List<String> RANDOMIZED_MACS = List.of("DA:A1:19:00:00:01", "da-a1-19-00-00-02", "4C:11:22:33:44:55");

    public record Message(long ts, String topic, String payload) {}

    private final Instant day;
    private final Pseudonyms pseudonyms = new Pseudonyms(KEY);
    private final Map<String, String> names = new LinkedHashMap<>();

    public GateDay(Instant day) {
        this.day = day;
        MACS.forEach((name, mac) -> names.put(person(name), name));
    }

    public Instant at(String hhmmss) {
        return day.plus(Duration.between(Instant.parse("2000-01-01T00:00:00Z"), Instant.parse("2000-01-01T" + hhmmss + "Z")));
    }

    public Instant nextDay(String hhmmss) {
        return at(hhmmss).plus(Duration.ofDays(1));
    }

    public String person(String name) {
        return pseudonyms.personId(MacAddress.normalize(MACS.get(name)));
    }

    /** The name of a pseudonym of the script (or the pseudonym itself). */
    public String name(String personId) {
        return names.getOrDefault(personId, personId);
    }

    /** Every sighting of the day, in time order. */
    public List<Message> messages() {
        List<Message> m = new ArrayList<>();
        lane(m, "alice", "main-in", "in", at("08:00:00"));
        lane(m, "alice", "main-in", "in", at("08:00:20"));
        lane(m, "alice", "main-in", "in", at("08:00:50"));
        zone(m, "alice", "east-inner", "inner", at("11:59:50"));
        zone(m, "alice", "east-outer", "outer", at("12:00:00"));
        zone(m, "bob", "east-outer", "outer", at("08:59:55"));
        zone(m, "bob", "east-inner", "inner", at("09:00:05"));
        lane(m, "bob", "main-out", "out", at("17:30:00"));
        hashed(m, "main", "main-in", "in", at("10:00:00"));
        hashed(m, "main", "main-in", "in", at("10:30:00"));
        hashed(m, "east", "east-inner", "inner", at("10:45:00"));
        hashed(m, "main", "main-out", "out", at("11:00:00"));
        lane(m, "dave", "main-out", "out", at("07:30:00"));
        lane(m, "eve", "main-in", "in", at("09:30:00"));
        anonymous(m, "main", "main-in", RANDOMIZED_MACS.get(0), null, at("08:10:00"));
        anonymous(m, "main", "main-in", RANDOMIZED_MACS.get(1), null, at("08:20:00"));
        anonymous(m, "main", "main-in", RANDOMIZED_MACS.get(0), null, at("09:10:00"));
        anonymous(m, "east", "east-outer", RANDOMIZED_MACS.get(2), true, at("12:05:00"));
        anonymous(m, "main", "main-in", RANDOMIZED_MACS.get(1), null, nextDay("02:00:00"));
        m.sort(Comparator.comparingLong(Message::ts));
        return m;
    }

    private static void lane(List<Message> m, String name, String scanner, String role, Instant ts) {
        m.add(new Message(ts.toEpochMilli(), "campus/gates/main/sightings", "{\"scanner\":\"" + scanner + "\",\"role\":\"" + role
                + "\",\"ts\":\"" + ts + "\",\"mac\":\"" + MACS.get(name) + "\",\"rssi\":-60}"));
    }

    private static void zone(List<Message> m, String name, String scanner, String role, Instant ts) {
        m.add(new Message(ts.toEpochMilli(), "campus/gates/east/sightings", "[{\"scanner\":\"" + scanner + "\",\"role\":\"" + role
                + "\",\"ts\":" + ts.toEpochMilli() + ",\"mac\":\"" + MACS.get(name) + "\"}]"));
    }

    private void hashed(List<Message> m, String gate, String scanner, String role, Instant ts) {
        m.add(new Message(ts.toEpochMilli(), "campus/gates/" + gate + "/sightings", "{\"scanner\":\"" + scanner + "\",\"role\":\""
                + role + "\",\"ts\":\"" + ts + "\",\"macHash\":\"" + person("carol") + "\"}"));
    }

    private static void anonymous(List<Message> m, String gate, String scanner, String mac, Boolean flag, Instant ts) {
        m.add(new Message(ts.toEpochMilli(), "campus/gates/" + gate + "/sightings", "{\"scanner\":\"" + scanner
                + "\",\"role\":\"in\",\"ts\":\"" + ts + "\",\"mac\":\"" + mac + "\"" + (flag == null ? "" : ",\"randomized\":" + flag) + "}"));
    }

    // ---------------------------------------------------------------- expected results

    /** name|entered|exited|entry_gate|exit_gate|dwell|exit_unseen */
    public Set<String> visits() {
        return new TreeSet<>(List.of(
                "alice|" + at("08:00:00") + "|" + at("12:00:00") + "|main|east|14400|false",
                "bob|" + at("09:00:05") + "|" + at("17:30:00") + "|east|main|30595|false",
                "carol|" + at("10:00:00") + "|" + at("11:00:00") + "|main|main|3600|false",
                "eve|" + at("09:30:00") + "|null|main|null|null|true"));
    }

    /** name|at|kind|gate */
    public Set<String> anomalies() {
        return new TreeSet<>(List.of(
                "dave|" + at("07:30:00") + "|ORPHAN_EXIT|main",
                "eve|" + at("21:30:00") + "|OVERSTAY|main",
                "eve|" + nextDay("01:00:00") + "|QUIET_HOURS|main"));
    }

    /** gate|hour|entries|exits|randomized, for the hours of the day itself. */
    public Set<String> traffic() {
        return new TreeSet<>(List.of(
                "main|" + at("07:00:00") + "|0|1|0",
                "main|" + at("08:00:00") + "|1|0|2",
                "main|" + at("09:00:00") + "|1|0|1",
                "main|" + at("10:00:00") + "|2|0|0",
                "main|" + at("11:00:00") + "|0|1|0",
                "main|" + at("17:00:00") + "|0|1|0",
                "east|" + at("09:00:00") + "|1|0|0",
                "east|" + at("12:00:00") + "|0|1|1"));
    }

    /** The occupancy curve of a key: at|inside at every change. */
    public List<String> curve(String gate) {
        return switch (gate) {
            case "*" -> List.of(at("08:00:00") + "|1", at("09:00:05") + "|2", at("09:30:00") + "|3", at("10:00:00") + "|4",
                    at("11:00:00") + "|3", at("12:00:00") + "|2", at("17:30:00") + "|1", nextDay("01:30:00") + "|0");
            case "main" -> List.of(at("08:00:00") + "|1", at("09:30:00") + "|2", at("10:00:00") + "|3",
                    at("11:00:00") + "|2", at("12:00:00") + "|1", nextDay("01:30:00") + "|0");
            case "east" -> List.of(at("09:00:05") + "|1", at("17:30:00") + "|0");
            default -> throw new IllegalArgumentException(gate);
        };
    }

    /** Every way the script's raw MACs could be written, to prove none is stored anywhere. */
    public List<String> rawMacSpellings() {
        List<String> all = new ArrayList<>();
        List<String> macs = new ArrayList<>(MACS.values());
        macs.addAll(RANDOMIZED_MACS);
        for (String mac : macs) {
            String n = MacAddress.normalize(mac);
            for (String s : List.of(n, n.replace(':', '-'), n.replace(":", ""))) {
                all.add(s);
                all.add(s.toUpperCase());
            }
        }
        return all;
    }
}

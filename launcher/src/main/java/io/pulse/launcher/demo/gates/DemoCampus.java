package io.pulse.launcher.demo.gates;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Consumer;

/**
 * The demo's campus, as pure logic: the people of the demo roster come and go through two gates —
 * {@code main}, a lane gate (scanners {@code main-in}, {@code main-out}), and {@code east}, a
 * dual-zone gate ({@code east-outer}, {@code east-inner}) — over an accelerated day of
 * {@code dayLength}: arrivals dominate its first half, departures the second, so occupancy rises
 * and falls. People linger at scanners (repeated sightings, debounced by the job) and phones with
 * randomized MACs pass by (counted, never paired).
 */
public final class DemoCampus {

    public static final String ROSTER = "/demo/roster.csv";

    /** One sighting to publish on {@code campus/gates/{gate}/sightings}. */
    public record Sighting(String gate, String json) {}

    private final List<String> macs;
    private final boolean[] inside;
    private final Duration dayLength;
    private final Random random;
    private long start = -1;

    public DemoCampus(List<String> macs, Duration dayLength, long seed) {
        this.macs = List.copyOf(macs);
        this.inside = new boolean[macs.size()];
        this.dayLength = dayLength;
        this.random = new Random(seed);
    }

    /** The campus of the demo roster (a resource of the launcher). */
    public static DemoCampus ofDemoRoster(Duration dayLength, long seed) throws IOException {
        return new DemoCampus(rosterMacs(), dayLength, seed);
    }

    public static List<String> rosterMacs() throws IOException {
        List<String> macs = new ArrayList<>();
        try (InputStream in = DemoCampus.class.getResourceAsStream(ROSTER)) {
            if (in == null) {
                throw new IOException("the demo roster " + ROSTER + " is missing from the class path");
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            reader.readLine(); // header
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (!line.isBlank()) {
                    macs.add(line.substring(0, line.indexOf(',')));
                }
            }
        }
        return macs;
    }

    /** How many people are inside now (as the job should count them). */
    public int inside() {
        int n = 0;
        for (boolean in : inside) {
            n += in ? 1 : 0;
        }
        return n;
    }

    /** The sightings of one tick (about a second) at wall-clock {@code now}. */
    public void tick(long now, Consumer<Sighting> out) {
        if (start < 0) {
            start = now;
        }
        double phase = ((now - start) % dayLength.toMillis()) / (double) dayLength.toMillis();
        double arrive = phase < 0.5 ? 0.06 : 0.005;
        double leave = phase < 0.5 ? 0.005 : 0.06;
        for (int p = 0; p < macs.size(); p++) {
            if (!inside[p] && random.nextDouble() < arrive) {
                cross(p, true, now, out);
            } else if (inside[p] && random.nextDouble() < leave) {
                cross(p, false, now, out);
            }
        }
        if (random.nextDouble() < 0.3) { // a phone with a randomized MAC walks past
            String mac = String.format("%02X:%02X:%02X:%02X:%02X:%02X", 0x02 | (random.nextInt(64) << 2),
                    random.nextInt(256), random.nextInt(256), random.nextInt(256), random.nextInt(256), random.nextInt(256));
            out.accept(lane(random.nextBoolean() ? "main-in" : "main-out", random.nextBoolean() ? "in" : "out", mac, now));
        }
    }

    private void cross(int p, boolean entering, long now, Consumer<Sighting> out) {
        inside[p] = entering;
        String mac = macs.get(p);
        if (random.nextBoolean()) {
            out.accept(lane(entering ? "main-in" : "main-out", entering ? "in" : "out", mac, now));
            if (random.nextInt(4) == 0) { // lingers at the scanner: a repeat the job debounces
                out.accept(lane(entering ? "main-in" : "main-out", entering ? "in" : "out", mac.toLowerCase(), now + 500));
            }
        } else {
            // dual zone: the first zone 3 s before the second (both published now, within the job's 30 s)
            String first = entering ? "outer" : "inner";
            String second = entering ? "inner" : "outer";
            out.accept(zone(first, mac, now - 3_000));
            out.accept(zone(second, mac.replace(':', '-'), now));
        }
    }

    private static Sighting lane(String scanner, String role, String mac, long ts) {
        return new Sighting("main", "{\"scanner\":\"" + scanner + "\",\"role\":\"" + role + "\",\"ts\":" + ts
                + ",\"mac\":\"" + mac + "\",\"rssi\":-62}");
    }

    private static Sighting zone(String zone, String mac, long ts) {
        return new Sighting("east", "{\"scanner\":\"east-" + zone + "\",\"role\":\"" + zone + "\",\"ts\":" + ts
                + ",\"mac\":\"" + mac + "\",\"rssi\":-70}");
    }
}

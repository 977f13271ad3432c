package io.pulse.launcher.demo.summary;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The demo's summary as a person reads it: what the jobs stored, each figure with its age. Pure
 * text: {@link #screen} is the block a terminal redraws in place, {@link #info} the line that
 * explains the lag once.
 */
public final class SummaryFormat {
    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneId.systemDefault());
    private static final DateTimeFormatter MINUTE =
            DateTimeFormatter.ofPattern("HH:mm").withZone(ZoneId.systemDefault());
    private static final String ALERT_INDENT = "                     ";

    private SummaryFormat() {
    }

    /** Why the figures trail the clock, from the jobs' settings: printed once, above the summary. */
    public static String info(Lags l) {
        long device = l.readingInterval().plus(l.telemetryOutOfOrderness()).plus(l.checkpointInterval()).toSeconds();
        long crossing = l.movementOutOfOrderness().plus(l.checkpointInterval()).toSeconds();
        return String.format(Locale.ROOT, "The jobs work in event time, so what they store trails the clock: a device's"
                        + " status ~%d-%d s after its reading (readings every %s, %s out-of-orderness, a checkpoint every"
                        + " %s), crossings ~%d-%d s after the gate (%s out-of-orderness), a %s energy window once it has"
                        + " ended (+%s; late readings may change it for %s more). Each figure below says how old it is.",
                device, device + l.readingInterval().toSeconds(), span(l.readingInterval()),
                span(l.telemetryOutOfOrderness()), span(l.checkpointInterval()), crossing,
                crossing + l.readingInterval().toSeconds(), span(l.movementOutOfOrderness()), span(l.energyWindow()),
                span(l.energyOutOfOrderness()), span(l.energyFinalAfter()));
    }

    /** The summary block, each line at most {@code width} characters (alert texts wrap). */
    public static List<String> screen(Snapshot s, int width, Duration every) {
        List<String> lines = new ArrayList<>();
        lines.add(String.format(Locale.ROOT, "Pulse demo, %s (updated every %s; Ctrl-C stops)", TIME.format(s.now()),
                span(every)));
        devices(s, lines);
        alerts(s, lines, width);
        if (s.meters() != null) {
            meters(s, lines);
        }
        if (s.campus() != null) {
            campus(s, lines);
        }
        List<String> fitted = new ArrayList<>(lines.size());
        for (String line : lines) {
            fitted.add(fit(line, width));
        }
        return fitted;
    }

    private static void devices(Snapshot s, List<String> lines) {
        List<DeviceLine> devices = s.devices();
        long reporting = devices.stream().filter(DeviceLine::hasStatus).count();
        if (devices.isEmpty()) {
            lines.add("DEVICES  waiting for the demo's devices to be registered");
            return;
        }
        if (reporting == 0) {
            lines.add(String.format(Locale.ROOT, "DEVICES  %d registered; waiting for the telemetry job to store"
                    + " their first readings", devices.size()));
        } else {
            long online = devices.stream().filter(d -> Boolean.TRUE.equals(d.online())).count();
            int open = devices.stream().filter(DeviceLine::hasStatus).mapToInt(DeviceLine::openAlerts).sum();
            lines.add(String.format(Locale.ROOT, "DEVICES  %d registered, %d online, %s", devices.size(), online,
                    count(open, "open alert")) + (reporting < devices.size()
                    ? String.format(Locale.ROOT, " (%d not stored yet)", devices.size() - reporting) : ""));
        }
        lines.add(String.format(Locale.ROOT, "  %-12s %-16s %-10s %-6s %6s %6s  %s", "device", "name", "place",
                "online", "health", "alerts", "last reading stored"));
        for (DeviceLine d : devices) {
            if (d.hasStatus()) {
                lines.add(String.format(Locale.ROOT, "  %-12s %-16s %-10s %-6s %6d %6d  %s, %s", d.deviceId(),
                        dash(d.name()), dash(d.place()), d.online() ? "yes" : "NO", d.health(), d.openAlerts(),
                        TIME.format(d.lastSeenAt()), ago(d.lastSeenAt(), s.now())));
            } else {
                lines.add(String.format(Locale.ROOT, "  %-12s %-16s %-10s %-6s %6s %6s  %s", d.deviceId(),
                        dash(d.name()), dash(d.place()), "-", "-", "-", "none yet"));
            }
        }
    }

    private static void alerts(Snapshot s, List<String> lines, int width) {
        if (s.alerts().isEmpty()) {
            lines.add("ALERTS   none opened yet");
            return;
        }
        lines.add(String.format(Locale.ROOT, "ALERTS   the last %d opened or resolved, newest first",
                s.alerts().size()));
        for (AlertLine a : s.alerts()) {
            String head = String.format(Locale.ROOT, "  %s %-8s", TIME.format(a.at()), ago(a.at(), s.now()));
            if (a.resolved()) {
                lines.add(String.format(Locale.ROOT, "%s resolved %s on %s (open %s)", head, a.type(), a.deviceId(),
                        span(Duration.between(a.openedAt(), a.resolvedAt()))));
            } else {
                lines.addAll(wrap(String.format(Locale.ROOT, "%s %s %s on %s: %s", head, a.severity(), a.type(),
                        a.deviceId(), a.message()), width));
            }
        }
    }

    private static void meters(Snapshot s, List<String> lines) {
        if (s.meters().isEmpty()) {
            lines.add("METERS   waiting for the first readings in the time-series store");
            return;
        }
        MeterLine.Window current = s.meters().stream().map(MeterLine::current).filter(w -> w != null).findFirst()
                .orElse(null);
        MeterLine.Window closed = s.meters().stream().map(MeterLine::closed).filter(w -> w != null).findFirst()
                .orElse(null);
        lines.add("METERS   power now, and energy per 5-minute window");
        lines.add(String.format(Locale.ROOT, "  %-16s %-18s %-22s %s", "meter", "power now",
                current == null ? "this window" : window(current) + " so far",
                closed == null ? "last closed window" : window(closed) + " (closed " + ago(closed.end(), s.now()) + ")"));
        for (MeterLine m : s.meters()) {
            String power = m.powerW() == null ? "-" : String.format(Locale.ROOT, "%.2f kW, %s", m.powerW() / 1000,
                    ago(m.powerAt(), s.now()));
            String partial = m.current() == null ? "-" : String.format(Locale.ROOT, "%.3f kWh (partial)",
                    m.current().energyWh() / 1000);
            String last;
            if (m.closed() == null) {
                last = current == null ? "none yet" : "none yet; the first closes at " + MINUTE.format(current.end());
            } else {
                last = String.format(Locale.ROOT, "%.3f kWh, avg %s, %.0f %% covered", m.closed().energyWh() / 1000,
                        m.closed().avgPowerW() == null ? "-"
                                : String.format(Locale.ROOT, "%.2f kW", m.closed().avgPowerW() / 1000),
                        m.closed().coverage() * 100);
            }
            lines.add(String.format(Locale.ROOT, "  %-16s %-18s %-22s %s", m.meterId(), power, partial, last));
        }
    }

    private static void campus(Snapshot s, List<String> lines) {
        CampusLine c = s.campus();
        if (c.asOf() == null) {
            lines.add("CAMPUS   waiting for the first crossings at the gates");
            return;
        }
        StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "CAMPUS   %d inside",
                c.insideByGate().getOrDefault("*", 0)));
        String sep = ": ";
        for (Map.Entry<String, Integer> gate : c.insideByGate().entrySet()) {
            if (!gate.getKey().equals("*")) {
                sb.append(sep).append(gate.getKey()).append(' ').append(gate.getValue());
                sep = ", ";
            }
        }
        sb.append(String.format(Locale.ROOT, " (as of %s, %s)", TIME.format(c.asOf()), ago(c.asOf(), s.now())));
        lines.add(sb.toString());
        for (CampusLine.Crossing x : c.recent()) {
            lines.add(String.format(Locale.ROOT, "  %s %-8s %-5s %s at %s", TIME.format(x.at()), ago(x.at(), s.now()),
                    x.direction(), x.rollNo() == null ? "(not on the roster)" : x.rollNo(), x.gate()));
        }
    }

    /** "17:30-17:35". */
    static String window(MeterLine.Window w) {
        return MINUTE.format(w.start()) + "-" + MINUTE.format(w.end());
    }

    /** How long ago {@code t} was, e.g. "5 s ago", "3 min ago"; "now" for the future. */
    public static String ago(Instant t, Instant now) {
        Duration d = Duration.between(t, now);
        return d.isNegative() || d.isZero() ? "now" : span(d) + " ago";
    }

    /** "5 s", "2 min", "1 h 5 min"; under two minutes in seconds. */
    static String span(Duration d) {
        long s = Math.max(0, d.toSeconds());
        if (s < 120) {
            return s + " s";
        }
        if (s < 7200) {
            return s / 60 + " min";
        }
        return s / 3600 + " h " + s % 3600 / 60 + " min";
    }

    private static String count(int n, String what) {
        return n + " " + what + (n == 1 ? "" : "s");
    }

    private static String dash(String s) {
        return s == null || s.isBlank() ? "-" : s;
    }

    /** Cuts a line to {@code width} characters, ending it with "..." when cut. */
    static String fit(String line, int width) {
        if (width <= 3 || line.length() <= width) {
            return line;
        }
        return line.substring(0, width - 3) + "...";
    }

    /** Breaks a long alert line at spaces into lines of at most {@code width}, indented after the first. */
    static List<String> wrap(String line, int width) {
        List<String> out = new ArrayList<>();
        String rest = line;
        String indent = "";
        while ((indent + rest).length() > width && width > ALERT_INDENT.length() + 20) {
            int room = width - indent.length();
            int cut = rest.lastIndexOf(' ', room);
            if (cut <= 0) {
                cut = room;
            }
            out.add(indent + rest.substring(0, cut));
            rest = rest.substring(cut).stripLeading();
            indent = ALERT_INDENT;
        }
        out.add(indent + rest);
        return out;
    }

    /** What {@link #screen} shows, for unit tests and logs: the lines joined. */
    static String text(List<String> lines) {
        return String.join(System.lineSeparator(), lines) + System.lineSeparator();
    }
}

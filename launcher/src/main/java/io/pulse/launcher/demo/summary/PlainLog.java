package io.pulse.launcher.demo.summary;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The summary for output that is not a terminal (a file, a pipe, a test): a line for each thing
 * that changed since the previous snapshot, never the whole summary again. A device line when its
 * online state, health or open alerts change (not for every reading), each alert opening and
 * resolution with its text, each meter's closed 5-minute window, and the campus at most once a
 * minute when its count changed. Pure: {@link #next} returns the lines, the caller prints them.
 */
public final class PlainLog {
    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneId.systemDefault());
    static final Duration CAMPUS_EVERY = Duration.ofMinutes(1);

    private final Map<String, List<Object>> deviceStates = new HashMap<>();
    private final Set<String> alertsShown = new HashSet<>();
    private final Map<String, Instant> windowsShown = new HashMap<>();
    private boolean waitingShown;
    private boolean metersShown;
    private Instant campusShownAt;
    private Map<String, Integer> campusShown;

    /** The lines for what changed since the previous call (all of it on the first). */
    public List<String> next(Snapshot s) {
        List<String> lines = new ArrayList<>();
        String at = "[" + TIME.format(s.now()) + "] ";
        boolean anyStatus = s.devices().stream().anyMatch(DeviceLine::hasStatus);
        if (!anyStatus && !waitingShown && !s.devices().isEmpty()) {
            waitingShown = true;
            lines.add(at + String.format(Locale.ROOT, "devices: %d registered; waiting for the telemetry job to store"
                    + " their first readings", s.devices().size()));
        }
        for (DeviceLine d : s.devices()) {
            if (!d.hasStatus()) {
                continue;
            }
            List<Object> state = List.of(d.online(), d.health(), d.openAlerts());
            if (!state.equals(deviceStates.put(d.deviceId(), state))) {
                lines.add(at + String.format(Locale.ROOT, "device %s%s: %s, health %d, %d open alert%s; last reading"
                                + " stored %s (%s)", d.deviceId(), where(d), d.online() ? "online" : "OFFLINE", d.health(),
                        d.openAlerts(), d.openAlerts() == 1 ? "" : "s", TIME.format(d.lastSeenAt()),
                        SummaryFormat.ago(d.lastSeenAt(), s.now())));
            }
        }
        List<AlertLine> oldestFirst = new ArrayList<>(s.alerts());
        Collections.reverse(oldestFirst);
        for (AlertLine a : oldestFirst) {
            if (alertsShown.add(a.deviceId() + '|' + a.type() + '|' + a.openedAt() + '|' + a.resolved())) {
                lines.add(at + (a.resolved()
                        ? String.format(Locale.ROOT, "resolved %s on %s at %s (open %s)", a.type(), a.deviceId(),
                                TIME.format(a.resolvedAt()), SummaryFormat.span(Duration.between(a.openedAt(), a.resolvedAt())))
                        : String.format(Locale.ROOT, "ALERT %s %s on %s at %s: %s", a.severity(), a.type(), a.deviceId(),
                                TIME.format(a.openedAt()), a.message())));
            }
        }
        if (s.meters() != null) {
            meters(s, at, lines);
        }
        if (s.campus() != null && s.campus().asOf() != null) {
            campus(s, at, lines);
        }
        return lines;
    }

    private void meters(Snapshot s, String at, List<String> lines) {
        if (!metersShown && s.meters().stream().anyMatch(m -> m.powerW() != null)) {
            metersShown = true;
            StringBuilder sb = new StringBuilder(at + "meters: readings arriving, power now");
            String sep = " ";
            for (MeterLine m : s.meters()) {
                if (m.powerW() != null) {
                    sb.append(sep).append(String.format(Locale.ROOT, "%s %.2f kW", m.meterId(), m.powerW() / 1000));
                    sep = ", ";
                }
            }
            lines.add(sb + "; energy per 5-minute window follows as each window closes");
        }
        for (MeterLine m : s.meters()) {
            MeterLine.Window w = m.closed();
            if (w != null && !w.start().equals(windowsShown.get(m.meterId()))) {
                windowsShown.put(m.meterId(), w.start());
                lines.add(at + String.format(Locale.ROOT, "energy %s %s: %.3f kWh, avg %s, %.0f %% covered, %d samples%s",
                        m.meterId(), SummaryFormat.window(w), w.energyWh() / 1000,
                        w.avgPowerW() == null ? "-" : String.format(Locale.ROOT, "%.2f kW", w.avgPowerW() / 1000),
                        w.coverage() * 100, w.samples(), m.powerW() == null ? ""
                                : String.format(Locale.ROOT, "; power now %.2f kW (%s)", m.powerW() / 1000,
                                        SummaryFormat.ago(m.powerAt(), s.now()))));
            }
        }
    }

    private void campus(Snapshot s, String at, List<String> lines) {
        CampusLine c = s.campus();
        boolean due = campusShownAt == null || !Duration.between(campusShownAt, s.now()).minus(CAMPUS_EVERY).isNegative();
        if (!due || Objects.equals(c.insideByGate(), campusShown)) {
            return;
        }
        campusShownAt = s.now();
        campusShown = c.insideByGate();
        StringBuilder sb = new StringBuilder(at + String.format(Locale.ROOT, "campus: %d inside",
                c.insideByGate().getOrDefault("*", 0)));
        c.insideByGate().forEach((gate, inside) -> {
            if (!gate.equals("*")) {
                sb.append(String.format(Locale.ROOT, ", %s %d", gate, inside));
            }
        });
        sb.append(String.format(Locale.ROOT, " (as of %s, %s)", TIME.format(c.asOf()), SummaryFormat.ago(c.asOf(), s.now())));
        if (!c.recent().isEmpty()) {
            CampusLine.Crossing x = c.recent().get(0);
            sb.append(String.format(Locale.ROOT, "; last crossing %s %s %s at %s", TIME.format(x.at()), x.direction(),
                    x.rollNo() == null ? "(not on the roster)" : x.rollNo(), x.gate()));
        }
        lines.add(sb.toString());
    }

    private static String where(DeviceLine d) {
        if (d.name() == null && d.place() == null) {
            return "";
        }
        return " (" + (d.name() == null ? d.place() : d.place() == null ? d.name() : d.name() + ", " + d.place()) + ")";
    }
}

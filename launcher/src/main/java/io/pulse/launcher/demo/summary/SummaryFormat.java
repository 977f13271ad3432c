package io.pulse.launcher.demo.summary;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The demo's terminal summary: what the jobs wrote to MySQL, as a person reads it. */
public final class SummaryFormat {
    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneId.systemDefault());

    private SummaryFormat() {
    }

    public static String format(Instant now, List<DeviceLine> devices, List<AlertLine> changes) {
        return format(now, devices, changes, Map.of(), List.of(), CampusLine.NONE);
    }

    /**
     * @param powerW each meter's latest power, in watts
     * @param meters each meter's latest 5-minute window
     */
    public static String format(Instant now, List<DeviceLine> devices, List<AlertLine> changes, Map<String, Double> powerW,
                                List<MeterLine> meters, CampusLine campus) {
        StringBuilder sb = new StringBuilder();
        long online = devices.stream().filter(DeviceLine::online).count();
        int open = devices.stream().mapToInt(DeviceLine::openAlerts).sum();
        sb.append(String.format(Locale.ROOT, "[%s] telemetry: %d devices, %d online, %d open alerts%n",
                TIME.format(now), devices.size(), online, open));
        if (!devices.isEmpty()) {
            sb.append(String.format(Locale.ROOT, "  %-13s %-22s %-7s %6s %6s  %s%n",
                    "device", "name", "online", "health", "alerts", "last seen"));
        }
        for (DeviceLine d : devices) {
            sb.append(String.format(Locale.ROOT, "  %-13s %-22s %-7s %6d %6d  %s%n", d.deviceId(),
                    d.name() == null ? "-" : d.name(), d.online() ? "yes" : "NO", d.health(),
                    d.openAlerts(), TIME.format(d.lastSeenAt())));
        }
        for (AlertLine a : changes) {
            if (a.resolved()) {
                sb.append(String.format(Locale.ROOT, "  resolved %s on %s at %s (open since %s)%n",
                        a.type(), a.deviceId(), TIME.format(a.resolvedAt()), TIME.format(a.openedAt())));
            } else {
                sb.append(String.format(Locale.ROOT, "  ALERT %s %s on %s at %s: %s%n", a.severity(),
                        a.type(), a.deviceId(), TIME.format(a.openedAt()), a.message()));
            }
        }
        if (!powerW.isEmpty()) {
            sb.append("  power now:");
            powerW.forEach((meter, w) -> sb.append(String.format(Locale.ROOT, " %s %.2f kW,", meter, w / 1000)));
            sb.setLength(sb.length() - 1);
            sb.append(System.lineSeparator());
        }
        if (!meters.isEmpty()) {
            sb.append(String.format(Locale.ROOT, "  energy: %-16s %-8s %9s %9s %8s %7s%n",
                    "meter", "window", "kWh", "avg kW", "coverage", "samples"));
        }
        for (MeterLine m : meters) {
            sb.append(String.format(Locale.ROOT, "          %-16s %-8s %9.3f %9s %7.0f%% %7d%n", m.meterId(),
                    TIME.format(m.windowStart()), m.energyWh() / 1000,
                    m.avgPowerW() == null ? "-" : String.format(Locale.ROOT, "%.2f", m.avgPowerW() / 1000),
                    m.coverage() * 100, m.samples()));
        }
        if (!campus.insideByGate().isEmpty()) {
            sb.append(String.format(Locale.ROOT, "  campus: %d inside", campus.insideByGate().getOrDefault("*", 0)));
            campus.insideByGate().forEach((gate, inside) -> {
                if (!gate.equals("*")) {
                    sb.append(String.format(Locale.ROOT, ", %s %d", gate, inside));
                }
            });
            sb.append(System.lineSeparator());
        }
        for (CampusLine.Crossing c : campus.recent()) {
            sb.append(String.format(Locale.ROOT, "          %s %-5s %s at %s%n", TIME.format(c.at()), c.direction(),
                    c.rollNo() == null ? "(not on the roster)" : c.rollNo(), c.gate()));
        }
        return sb.toString();
    }
}

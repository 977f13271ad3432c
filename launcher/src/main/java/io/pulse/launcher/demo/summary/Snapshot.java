package io.pulse.launcher.demo.summary;

import java.time.Instant;
import java.util.List;

/**
 * What the stores held at {@code now}, as the summary shows it. {@code meters} and {@code campus}
 * are null when the energy or movement job does not run; {@code alerts} are the latest openings
 * and resolutions, newest first.
 */
public record Snapshot(Instant now, List<DeviceLine> devices, List<AlertLine> alerts, List<MeterLine> meters,
                       CampusLine campus) {
}

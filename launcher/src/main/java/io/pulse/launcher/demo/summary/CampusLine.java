package io.pulse.launcher.demo.summary;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The movement job's view of the campus: people inside per gate ({@code *} for the campus) from
 * the latest {@code occupancy} rows, as of {@code asOf} (null before the first), and the last
 * crossings from {@code recent_activity}.
 */
public record CampusLine(Map<String, Integer> insideByGate, Instant asOf, List<Crossing> recent) {

    /** One ENTRY or EXIT; {@code rollNo} is null for a person the roster does not know. */
    public record Crossing(Instant at, String direction, String gate, String rollNo) {
    }

    public static final CampusLine NONE = new CampusLine(Map.of(), null, List.of());
}

package io.pulse.grafana;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.List;
import java.util.Map;

import static io.pulse.grafana.ScriptedClock.FRIDAY;
import static io.pulse.grafana.ScriptedClock.SATURDAY;
import static io.pulse.grafana.ScriptedClock.saturday;
import static io.pulse.grafana.ScriptedGates.named;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The campus attendance dashboard at Saturday noon shows exactly what {@link ScriptedGates} implies,
 * read from what the movement job wrote.
 */
@ExtendWith(PulseData.class)
class AttendancePanelsITCase {

    private static DashboardRunner board;

    @BeforeAll
    static void open() {
        board = DashboardRunner.at("pulse-attendance", ScriptedClock.NOW, PulseData.run());
    }

    @Test
    void theGateVariableListsTheGatesThatSawTraffic() {
        assertThat(board.options("gate")).containsExactly("east", "main");
    }

    @Test
    void peopleInsideNowOnCampusAndPerGate() {
        assertThat(board.sql("People inside now").singleNumber("people")).isEqualTo(ScriptedGates.INSIDE_NOW);
        QueryResult perGate = board.sql("Inside now per gate");
        assertThat(Rows.number(Rows.row(perGate, "gate", "main").get("people"))).isEqualTo(ScriptedGates.INSIDE_MAIN);
        assertThat(Rows.number(Rows.row(perGate, "gate", "east").get("people"))).isEqualTo(ScriptedGates.INSIDE_EAST);
        InfluxResult occupancy = board.influx("Occupancy");
        assertThat(occupancy.series()).extracting(s -> s.tags().get("gate")).containsExactlyInAnyOrder("*", "east", "main");
        List<Object> campus = occupancy.seriesTagged("gate", "*").column("last");
        assertThat(Rows.number(campus.get(campus.size() - 1))).as("the campus series ends at the people inside now")
                .isEqualTo(ScriptedGates.INSIDE_NOW);
    }

    @Test
    void todaysVisitorsCrossingsAndAnonymousFootfall() {
        assertThat(board.sql("Visitors today").singleNumber("visitors")).isEqualTo(ScriptedGates.VISITORS_SATURDAY);
        QueryResult crossings = board.sql("Crossings today");
        assertThat(crossings.singleNumber("entries")).isEqualTo(ScriptedGates.ENTRIES_SATURDAY);
        assertThat(crossings.singleNumber("exits")).isEqualTo(ScriptedGates.EXITS_SATURDAY);
        assertThat(board.sql("Anonymous footfall today").singleNumber("sightings")).isEqualTo(ScriptedGates.RANDOMIZED_SATURDAY);
        InfluxResult footfall = board.influx("Anonymous footfall per hour");
        assertThat(footfall.seriesTagged("gate", "main").values())
                .anyMatch(row -> Rows.number(row.get(0)) == saturday("10:00:00").toEpochMilli() && Rows.number(row.get(1)) == 2);
    }

    @Test
    void entriesAndExitsByHourTodayAndPerDay() {
        QueryResult hours = board.sql("Entries and exits by hour, today");
        assertThat(hours.values("time")).extracting(Rows::instant)
                .containsExactly(saturday("07:00:00"), saturday("09:00:00"), saturday("10:00:00"), saturday("11:00:00"));
        assertThat(Rows.number(Rows.at(hours, saturday("07:00:00")).get("entries"))).isEqualTo(16);
        assertThat(Rows.number(Rows.at(hours, saturday("10:00:00")).get("exits"))).isEqualTo(2);

        QueryResult days = board.sql("Entries and exits per day");
        assertThat(days.rows()).hasSize(2);
        assertThat(Rows.number(Rows.at(days, FRIDAY).get("entries"))).isEqualTo(ScriptedGates.ENTRIES_FRIDAY);
        assertThat(Rows.number(Rows.at(days, FRIDAY).get("exits"))).isEqualTo(ScriptedGates.EXITS_FRIDAY);
        assertThat(Rows.number(Rows.at(days, SATURDAY).get("entries"))).isEqualTo(ScriptedGates.ENTRIES_SATURDAY);
        assertThat(Rows.number(Rows.at(days, SATURDAY).get("exits"))).isEqualTo(ScriptedGates.EXITS_SATURDAY);

        QueryResult visitors = board.sql("Unique visitors per day");
        assertThat(Rows.number(Rows.at(visitors, FRIDAY).get("visitors"))).isEqualTo(ScriptedGates.VISITORS_FRIDAY);
        assertThat(Rows.number(Rows.at(visitors, SATURDAY).get("visitors"))).isEqualTo(ScriptedGates.VISITORS_SATURDAY);
    }

    @Test
    void weeklyPatternAndWeekdayVersusWeekend() {
        QueryResult week = board.sql("Weekly pattern: entries by weekday and hour");
        assertThat(week.values("weekday")).containsExactly("Fri", "Sat");
        Map<String, Object> friday = Rows.row(week, "weekday", "Fri");
        Map<String, Object> saturday = Rows.row(week, "weekday", "Sat");
        assertThat(Rows.number(friday.get("08"))).isEqualTo(10);
        assertThat(Rows.number(friday.get("09"))).isEqualTo(2);
        assertThat(Rows.number(saturday.get("07"))).isEqualTo(16);
        assertThat(Rows.number(saturday.get("09"))).isEqualTo(2);
        assertThat(Rows.number(saturday.get("08"))).isZero();
        assertThat(week.columns()).hasSize(25);

        QueryResult pattern = board.sql("Weekday vs weekend");
        assertThat(Rows.number(Rows.row(pattern, "hour", "08").get("weekday"))).isEqualTo(10.0);
        assertThat(Rows.number(Rows.row(pattern, "hour", "08").get("weekend"))).isZero();
        assertThat(Rows.number(Rows.row(pattern, "hour", "07").get("weekend"))).isEqualTo(16.0);
        assertThat(Rows.number(Rows.row(pattern, "hour", "09").get("weekday"))).isEqualTo(2.0);
    }

    @Test
    void peakLoadPerDayAndWhen() {
        QueryResult peaks = board.sql("Peak load per day");
        assertThat(peaks.rows()).hasSize(2);
        Map<String, Object> saturday = Rows.maps(peaks).get(0);
        assertThat(Rows.number(saturday.get("peak_inside"))).isEqualTo(ScriptedGates.PEAK_SATURDAY);
        assertThat(Rows.instant(saturday.get("peak_at"))).isEqualTo(ScriptedGates.PEAK_SATURDAY_AT);
        Map<String, Object> friday = Rows.maps(peaks).get(1);
        assertThat(Rows.number(friday.get("peak_inside"))).isEqualTo(ScriptedGates.PEAK_FRIDAY);
        assertThat(Rows.instant(friday.get("peak_at"))).isEqualTo(ScriptedGates.PEAK_FRIDAY_AT);
    }

    @Test
    void recentActivityNamesRollNumbersNewestFirst() {
        QueryResult activity = board.sql("Recent activity");
        Map<String, Object> newest = Rows.maps(activity).get(0);
        assertThat(Rows.instant(newest.get("time"))).isEqualTo(saturday("10:10:00"));
        assertThat(newest).containsEntry("direction", "EXIT").containsEntry("gate", "main")
                .containsEntry("roll_no", named("P17").rollNo());
        assertThat(activity.values("roll_no")).as("U1 is not in the roster").contains("not in roster");
        assertThat(activity.toString()).as("no pseudonym or MAC is shown").doesNotContain("00:1A:2B");
    }

    @Test
    void movementAnomaliesWithRollNumbers() {
        QueryResult anomalies = board.sql("Movement anomalies");
        assertThat(anomalies.values("kind")).containsExactly("QUIET_HOURS", "OVERSTAY", "ORPHAN_EXIT");
        assertThat(Rows.row(anomalies, "kind", "ORPHAN_EXIT")).containsEntry("roll_no", named("P13").rollNo());
        assertThat(Rows.row(anomalies, "kind", "OVERSTAY")).containsEntry("roll_no", named("P12").rollNo());
        QueryResult byKind = board.sql("Anomalies by kind");
        assertThat(byKind.values("kind")).containsExactly("ORPHAN_EXIT", "OVERSTAY", "QUIET_HOURS");
        assertThat(byKind.values("anomalies")).allMatch(n -> Rows.number(n) == 1);
    }
}

package io.pulse.grafana;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.Map;

import static io.pulse.grafana.ScriptedClock.FRIDAY;
import static io.pulse.grafana.ScriptedClock.SATURDAY;
import static io.pulse.grafana.ScriptedClock.saturday;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The energy dashboard at Saturday noon shows exactly what {@link ScriptedMeters} implies, read from
 * what the energy job wrote to MySQL and InfluxDB.
 */
@ExtendWith(PulseData.class)
class EnergyPanelsITCase {

    private static final double EXACT = 1e-9;
    private static DashboardRunner board;

    @BeforeAll
    static void open() {
        board = DashboardRunner.at("pulse-energy", ScriptedClock.NOW, PulseData.run());
    }

    @Test
    void theMeterVariableListsTheMetersButNotTheCampus() {
        assertThat(board.options("meter")).containsExactly("M1", "M2", "M3");
    }

    @Test
    void powerNowPerMeterAndForTheCampus() {
        InfluxResult campus = board.influx("Campus power now");
        assertThat(Rows.number(campus.series().get(0).values().get(0).get(1))).isEqualTo(ScriptedMeters.POWER_NOW_W);
        InfluxResult meters = board.influx("Power now per meter");
        assertThat(Rows.number(meters.seriesTagged("meter", "M1").values().get(0).get(1))).isEqualTo(1200);
        assertThat(Rows.number(meters.seriesTagged("meter", "M2").values().get(0).get(1))).isEqualTo(1800);
        assertThat(Rows.number(meters.seriesTagged("meter", "M3").values().get(0).get(1))).isEqualTo(200);
    }

    @Test
    void todayThisMonthAndTheCampusPeak() {
        assertThat(board.sql("Energy today").singleNumber("kwh")).isCloseTo(ScriptedMeters.SATURDAY_WH / 1000, within(EXACT));
        assertThat(board.sql("Energy this month").singleNumber("kwh"))
                .isCloseTo((ScriptedMeters.FRIDAY_WH + ScriptedMeters.SATURDAY_WH) / 1000, within(EXACT));
        assertThat(board.sql("Campus peak demand today").singleNumber("peak")).isCloseTo(ScriptedMeters.CAMPUS_PEAK_W, within(EXACT));
    }

    @Test
    void energyPerWindowAndPerDay() {
        QueryResult windows = board.sql("Energy per 5-minute window");
        Map<String, Object> m2Gap = Rows.maps(windows).stream()
                .filter(r -> "M2".equals(r.get("metric")) && Rows.instant(r.get("time")).equals(saturday("11:05:00")))
                .findFirst().orElseThrow();
        assertThat(Rows.number(m2Gap.get("kwh"))).as("180 s at 600 W").isCloseTo(0.03, within(EXACT));
        assertThat(windows.rows()).as("M1 and M2 11:00..11:45, M3 11:00..11:50").hasSize(31);

        QueryResult days = board.sql("Energy per day");
        assertThat(dayOf(days, "M1", FRIDAY)).isCloseTo(0.6, within(EXACT));
        assertThat(dayOf(days, "M2", SATURDAY)).isCloseTo(ScriptedMeters.M2_SATURDAY_WH / 1000, within(EXACT));
        assertThat(dayOf(days, "M3", SATURDAY)).isCloseTo(ScriptedMeters.M3_SATURDAY_WH / 1000, within(EXACT));
        assertThat(days.values("metric")).doesNotContain("*");
    }

    @Test
    void peakDemandPerDayWithWhen() {
        QueryResult peaks = board.sql("Peak demand per day");
        Map<String, Object> campus = Rows.maps(peaks).get(0);
        assertThat(campus).containsEntry("meter", "campus");
        assertThat(Rows.number(campus.get("peak_power_w"))).isCloseTo(ScriptedMeters.CAMPUS_PEAK_W, within(EXACT));
        assertThat(Rows.instant(campus.get("peak_at"))).isEqualTo(ScriptedMeters.CAMPUS_PEAK_AT);
        Map<String, Object> m2 = Rows.maps(peaks).stream()
                .filter(r -> "M2".equals(r.get("meter")) && Rows.instant(r.get("day")).equals(SATURDAY)).findFirst().orElseThrow();
        assertThat(Rows.number(m2.get("peak_power_w"))).isCloseTo(ScriptedMeters.M2_PEAK_W, within(EXACT));
        assertThat(Rows.instant(m2.get("peak_at"))).isEqualTo(ScriptedMeters.M2_PEAK_AT);
    }

    @Test
    void coverageAndGapsPerMeter() {
        QueryResult coverage = board.sql("Coverage and data gaps per meter");
        assertThat(coverage.values("meter")).containsExactly("M2", "M1", "M3");
        assertThat(Rows.number(Rows.row(coverage, "meter", "M2").get("coverage"))).isCloseTo(ScriptedMeters.M2_COVERAGE, within(EXACT));
        assertThat(Rows.number(Rows.row(coverage, "meter", "M2").get("windows_with_gaps"))).isEqualTo(2);
        assertThat(Rows.number(Rows.row(coverage, "meter", "M3").get("windows_with_gaps"))).isZero();
        assertThat(Rows.number(Rows.row(coverage, "meter", "M1").get("readings"))).isEqualTo(271);
    }

    @Test
    void rowsStoredPerReading() {
        assertThat(board.sql("Rows stored per reading").singleNumber("rows_per_reading"))
                .isCloseTo(ScriptedMeters.ROWS_PER_READING, within(1e-4));
    }

    @Test
    void voltageAndCurrentAtFullResolution() {
        assertThat(board.influx("Voltage").seriesTagged("meter", "M1").column("mean")).filteredOn(v -> v != null)
                .isNotEmpty().allMatch(v -> Rows.number(v) == 230.0);
        assertThat(board.influx("Current").seriesTagged("meter", "M3").column("mean")).filteredOn(v -> v != null)
                .isNotEmpty().allMatch(v -> Math.abs(Rows.number(v) - 200 / 230.0) < 1e-9);
    }

    private static double dayOf(QueryResult days, String meter, java.time.Instant day) {
        return Rows.maps(days).stream().filter(r -> meter.equals(r.get("metric")) && Rows.instant(r.get("time")).equals(day))
                .map(r -> Rows.number(r.get("kwh"))).findFirst()
                .orElseThrow(() -> new AssertionError("no " + meter + " on " + day + " in " + days));
    }
}

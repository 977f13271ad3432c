package io.pulse.grafana;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Contract 4.6 on the dashboards: a demographic group of fewer than 5 people is never shown with
 * its count, neither in a panel's data (what query inspect shows) nor as the total minus the
 * groups shown. The scripted campus has such groups: 4 people of hostel Kaveri inside now and
 * among today's visitors, 4 of branch ECE and 4 of ME, and a person not in the roster.
 */
@ExtendWith(PulseData.class)
class SmallGroupSuppressionITCase {

    private static DashboardRunner board;

    @BeforeAll
    static void open() {
        board = DashboardRunner.at("pulse-attendance", ScriptedClock.NOW, PulseData.run());
    }

    @Test
    void theScriptReallyHasGroupsOfFour() {
        QueryResult raw = PulseData.run().sql().query("SELECT hostel, COUNT(*) AS people FROM presence_now GROUP BY hostel");
        assertThat(Rows.number(Rows.row(raw, "hostel", "Kaveri").get("people"))).isEqualTo(4);
    }

    @Test
    void whoIsInsideNowNeverRevealsAGroupUnderFive() {
        double total = board.sql("People inside now").singleNumber("people");
        assertProtected(board.sql("Who is inside now, by group"), total);
        assertThat(shown(board.sql("Who is inside now, by group"), "hostel", "Kaveri")).isEqualTo("<5");
        assertThat(shown(board.sql("Who is inside now, by group"), "branch", "ECE")).isEqualTo("<5");
    }

    @Test
    void todaysVisitorsNeverRevealAGroupUnderFive() {
        double total = board.sql("Visitors today").singleNumber("visitors");
        assertProtected(board.sql("Today's visitors, by group"), total);
        assertThat(shown(board.sql("Today's visitors, by group"), "hostel", "Kaveri")).isEqualTo("<5");
        assertThat(shown(board.sql("Today's visitors, by group"), "hostel", "Tapti")).isEqualTo("<5");
    }

    @Test
    void theViewsHoldNoSmallCountInAnyColumn() {
        for (String view : List.of("demographics_inside_now", "demographics_visitors_daily")) {
            QueryResult all = PulseData.run().sql().query("SELECT * FROM " + view);
            assertThat(all.rows()).as(view).isNotEmpty();
            assertThat(all.values("people")).as("numbers in %s", view).filteredOn(v -> v != null).allMatch(v -> Rows.number(v) >= 5);
            assertThat(all.values("shown")).as("texts in %s", view).noneMatch(v -> List.of("1", "2", "3", "4").contains(v));
        }
    }

    /**
     * Per dimension: every count shown is 5 or more; when a group is suppressed, at least two are,
     * and what the total leaves for them is at least 5, so it is never one small group's count.
     */
    private static void assertProtected(QueryResult groups, double total) {
        Map<String, List<Map<String, Object>>> byDimension = new TreeMap<>();
        for (Map<String, Object> row : Rows.maps(groups)) {
            byDimension.computeIfAbsent((String) row.get("dimension"), d -> new ArrayList<>()).add(row);
        }
        assertThat(byDimension.keySet()).containsExactly("branch", "gender", "hostel", "stream", "year");
        for (Map.Entry<String, List<Map<String, Object>>> dimension : byDimension.entrySet()) {
            double shownSum = 0;
            int suppressed = 0;
            for (Map<String, Object> row : dimension.getValue()) {
                String shown = (String) row.get("shown");
                if (shown.equals("<5") || shown.equals("hidden")) {
                    suppressed++;
                } else {
                    assertThat(Double.parseDouble(shown)).as("%s %s", dimension.getKey(), row).isGreaterThanOrEqualTo(5);
                    shownSum += Double.parseDouble(shown);
                }
            }
            double left = total - shownSum;
            if (suppressed > 0) {
                assertThat(suppressed).as("groups hidden in %s", dimension.getKey()).isGreaterThanOrEqualTo(2);
                assertThat(left).as("total minus the shown groups of %s", dimension.getKey()).isGreaterThanOrEqualTo(5).isNotEqualTo(4);
                assertThat(dimension.getValue()).as("%s hides one group of 5 or more besides the small ones", dimension.getKey())
                        .anyMatch(r -> "hidden".equals(r.get("shown")));
            } else {
                assertThat(left).as("%s adds up to the total", dimension.getKey()).isZero();
            }
        }
    }

    private static String shown(QueryResult groups, String dimension, String group) {
        return Rows.maps(groups).stream().filter(r -> dimension.equals(r.get("dimension")) && group.equals(r.get("group_name")))
                .map(r -> (String) r.get("shown")).findFirst()
                .orElseThrow(() -> new AssertionError("no " + dimension + " " + group + " in " + groups));
    }
}

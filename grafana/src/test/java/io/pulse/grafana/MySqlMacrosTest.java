package io.pulse.grafana;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The MySQL macro expansion against the definitions in Grafana's pkg/tsdb/mysql/macros.go. */
class MySqlMacrosTest {

    private static final TimeRange RANGE = new TimeRange(Instant.ofEpochSecond(1_492_750_877), Instant.ofEpochSecond(1_492_837_277));
    private static final GrafanaInterval INTERVAL = new GrafanaInterval(Duration.ofMinutes(1));

    private static String expand(String sql) {
        return MySqlMacros.expand(sql, RANGE, INTERVAL);
    }

    @Test
    void timeFilterFromAndTo() {
        assertThat(expand("WHERE $__timeFilter(at)")).isEqualTo("WHERE at BETWEEN FROM_UNIXTIME(1492750877) AND FROM_UNIXTIME(1492837277)");
        assertThat(expand("$__timeFrom() .. $__timeTo()")).isEqualTo("FROM_UNIXTIME(1492750877) .. FROM_UNIXTIME(1492837277)");
        assertThat(MySqlMacros.expand("$__timeFilter(at)", new TimeRange(Instant.ofEpochSecond(-10), Instant.ofEpochSecond(5)), INTERVAL))
                .isEqualTo("at BETWEEN DATE_ADD(FROM_UNIXTIME(0), INTERVAL -10 SECOND) AND FROM_UNIXTIME(5)");
    }

    @Test
    void timeGroupWithAndWithoutAliasQuotedOrNot() {
        assertThat(expand("$__timeGroup(t,'5m')")).isEqualTo("UNIX_TIMESTAMP(t) DIV 300 * 300");
        assertThat(expand("$__timeGroup(t, 1d)")).isEqualTo("UNIX_TIMESTAMP(t) DIV 86400 * 86400");
        assertThat(expand("$__timeGroupAlias(t, \"1h\")")).isEqualTo("UNIX_TIMESTAMP(t) DIV 3600 * 3600 AS \"time\"");
        assertThat(expand("$__timeGroup(t, 5m, 0)")).as("a fill value changes only how Grafana fills gaps")
                .isEqualTo("UNIX_TIMESTAMP(t) DIV 300 * 300");
    }

    @Test
    void unixEpochMacros() {
        assertThat(expand("$__unixEpochFilter(ts)")).isEqualTo("ts >= 1492750877 AND ts <= 1492837277");
        assertThat(expand("$__unixEpochFrom() $__unixEpochTo()")).isEqualTo("1492750877 1492837277");
        assertThat(expand("$__unixEpochNanoFrom()")).isEqualTo("1492750877000000000");
        assertThat(expand("$__unixEpochGroupAlias(ts, '5m')")).isEqualTo("ts DIV 300 * 300 AS \"time\"");
        assertThat(expand("$__time(t), $__timeEpoch(t)")).isEqualTo("UNIX_TIMESTAMP(t) as time_sec, UNIX_TIMESTAMP(t) as time_sec");
    }

    @Test
    void intervalSubstitutionsComeBeforeTheMacros() {
        assertThat(expand("$__timeGroup(t, $__interval) / $__interval_ms")).isEqualTo("UNIX_TIMESTAMP(t) DIV 60 * 60 / 60000");
    }

    @Test
    void unknownMacrosAndRestrictedStatementsAreRefused() {
        assertThatThrownBy(() -> expand("$__nope(x)")).hasMessageContaining("unknown macro");
        assertThatThrownBy(() -> expand("SELECT current_user()")).hasMessageContaining("refuses");
        assertThatThrownBy(() -> expand("$__timeGroup(t)")).hasMessageContaining("interval");
    }
}

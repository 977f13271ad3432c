package io.pulse.grafana;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The parts of Grafana the query tests emulate besides the MySQL macros: date math and panel
 * relative times, the interval, InfluxQL's substitutions and the formatting of template variables.
 */
class GrafanaEmulationTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Instant NOW = Instant.parse("2026-11-21T12:34:56Z");

    private static JsonNode json(String text) throws Exception {
        return JSON.readTree(text);
    }

    @Test
    void dateMathAndPanelRelativeTime() throws Exception {
        assertThat(TimeRange.parse("now-6h", NOW, false)).isEqualTo(Instant.parse("2026-11-21T06:34:56Z"));
        assertThat(TimeRange.parse("now/d", NOW, false)).isEqualTo(Instant.parse("2026-11-21T00:00:00Z"));
        assertThat(TimeRange.parse("now/d", NOW, true)).isEqualTo(Instant.parse("2026-11-21T23:59:59.999Z"));
        assertThat(TimeRange.parse("now/M", NOW, false)).isEqualTo(Instant.parse("2026-11-01T00:00:00Z"));
        assertThat(TimeRange.parse("now-1d/d", NOW, false)).isEqualTo(Instant.parse("2026-11-20T00:00:00Z"));
        assertThat(TimeRange.parse("now/w", NOW, false)).as("a Saturday's week began on Monday").isEqualTo(Instant.parse("2026-11-16T00:00:00Z"));
        JsonNode dashboard = json("{\"time\":{\"from\":\"now-24h\",\"to\":\"now\"}}");
        assertThat(TimeRange.ofPanel(dashboard, json("{\"timeFrom\":\"30d\"}"), NOW))
                .isEqualTo(new TimeRange(Instant.parse("2026-10-22T12:34:56Z"), NOW));
        assertThat(TimeRange.ofPanel(dashboard, json("{\"timeFrom\":\"now/d\"}"), NOW))
                .isEqualTo(new TimeRange(Instant.parse("2026-11-21T00:00:00Z"), NOW));
        assertThat(TimeRange.ofPanel(dashboard, json("{}"), NOW)).isEqualTo(new TimeRange(NOW.minus(Duration.ofHours(24)), NOW));
    }

    @Test
    void intervalIsTheRangeOverTheDataPointsRoundedAndNeverBelowTheMinimum() {
        TimeRange sixHours = new TimeRange(NOW.minus(Duration.ofHours(6)), NOW);
        assertThat(GrafanaInterval.of(sixHours, 960, Duration.ZERO).text()).as("22.5 s rounds to 20s").isEqualTo("20s");
        assertThat(GrafanaInterval.of(sixHours, 960, Duration.ofMinutes(1)).text()).isEqualTo("1m");
        assertThat(GrafanaInterval.of(new TimeRange(NOW.minus(Duration.ofDays(30)), NOW), 960, Duration.ZERO).text())
                .as("45 min rounds to 30m").isEqualTo("30m");
        assertThat(GrafanaInterval.of(sixHours, 960, Duration.ZERO).millis()).isEqualTo(20_000);
    }

    @Test
    void influxQlTimeFilterAndIntervals() {
        TimeRange range = new TimeRange(Instant.ofEpochMilli(1_000), Instant.ofEpochMilli(61_000));
        assertThat(InfluxQlMacros.expand("WHERE $timeFilter GROUP BY time($__interval), time($interval) LIMIT $__interval_ms", range,
                new GrafanaInterval(Duration.ofSeconds(30))))
                .isEqualTo("WHERE time >= 1000ms and time <= 61000ms GROUP BY time(30s), time(30s) LIMIT 30000");
    }

    @Test
    void variablesAreQuotedForMySqlAndRegexEscapedForInfluxDb() throws Exception {
        TemplateVariables variables = new TemplateVariables();
        JsonNode all = json("{\"name\":\"device\",\"multi\":true,\"includeAll\":true,\"current\":{\"value\":[\"$__all\"]}}");
        variables.resolve(all, List.of("lab.1", "o'neil"));
        JsonNode single = json("{\"name\":\"metric\",\"current\":{\"value\":\"temperature\"}}");
        variables.resolve(single, List.of("temperature", "humidity"));
        assertThat(variables.substitute("device_id IN ($device) AND m = '$metric'", "mysql"))
                .isEqualTo("device_id IN ('lab.1','o''neil') AND m = 'temperature'");
        assertThat(variables.substitute("\"device\" =~ /^$device$/ AND mean(\"${metric}_z\") [[metric]]", "influxdb"))
                .isEqualTo("\"device\" =~ /^(lab\\.1|o'neil)$/ AND mean(\"temperature_z\") temperature");
        assertThat(variables.substitute("$__timeFilter(at) $timeFilter $__interval", "mysql"))
                .as("Grafana's own names are left to the data source").isEqualTo("$__timeFilter(at) $timeFilter $__interval");
        JsonNode one = json("{\"name\":\"gate\",\"multi\":true,\"current\":{\"value\":[\"main\"]}}");
        variables.resolve(one, List.of("east", "main"));
        assertThat(variables.substitute("/^$gate$/", "influxdb")).isEqualTo("/^main$/");
        assertThat(variables.substitute("IN ($gate)", "mysql")).isEqualTo("IN ('main')");
    }
}

package io.pulse.grafana;

/**
 * Expands a raw InfluxQL panel query as Grafana's InfluxDB data source does
 * ({@code pkg/tsdb/influxdb/models/query.go}): {@code $timeFilter} becomes
 * {@code time >= <from>ms and time <= <to>ms}, {@code $interval} and {@code $__interval} the
 * interval's text, {@code $__interval_ms} its milliseconds. Template variables come first
 * ({@link TemplateVariables}).
 */
public final class InfluxQlMacros {

    private InfluxQlMacros() {}

    public static String expand(String query, TimeRange range, GrafanaInterval interval) {
        return query.replace("$timeFilter", "time >= " + range.fromMillis() + "ms and time <= " + range.toMillis() + "ms")
                .replace("$interval", interval.text())
                .replace("$__interval_ms", Long.toString(interval.millis()))
                .replace("$__interval", interval.text());
    }
}

package io.pulse.grafana;

import io.pulse.grafana.Dashboards.Dashboard;

import java.time.Instant;

/**
 * What {@link DashboardRunner} needs of a Pulse whose dashboards it opens: the two stores as
 * Grafana's provisioned data sources reach them, and the moment each dashboard is looked at.
 * {@link PulseRun} (this module's scripted run) provides it, and so does the compose topology's
 * test (compose-tests), on the stores its stack filled.
 */
public interface DashboardStores {

    /** SQL as Grafana's MySQL data source runs it: the read-only account, a {@code +00:00} session. */
    ReadOnlySql sql();

    /** InfluxQL as Grafana's InfluxDB data source sends it, on the database that is the jobs' bucket. */
    InfluxResult influxQl(String query);

    /** "now" when the dashboard is opened: the end of its time range. */
    Instant now(Dashboard dashboard);
}

package io.pulse.grafana;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static io.pulse.grafana.ScriptedDevices.step;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The device fleet dashboard at Saturday noon shows exactly what {@link ScriptedDevices} implies,
 * read from what the telemetry job wrote to MySQL and InfluxDB.
 */
@ExtendWith(PulseData.class)
class FleetPanelsITCase {

    private static DashboardRunner board;

    @BeforeAll
    static void open() {
        board = DashboardRunner.at("pulse-fleet", ScriptedClock.NOW, PulseData.run());
    }

    @Test
    void variablesListTheRegistry() {
        assertThat(board.options("location")).containsExactly("Chem lab", "Lab 2", "Main hall", "Server room", "Workshop");
        assertThat(board.options("device")).containsExactlyInAnyOrderElementsOf(
                ScriptedDevices.DEVICES.stream().map(ScriptedDevices.Device::id).toList());
    }

    @Test
    void theHeadlineFigures() {
        assertThat(board.sql("Active devices").singleNumber("devices")).isEqualTo(ScriptedDevices.ACTIVE);
        assertThat(board.sql("Alerts opened (5 min)").singleNumber("alerts")).isEqualTo(ScriptedDevices.ALERTS_LAST_5_MIN);
        assertThat(board.sql("Average health").singleNumber("health")).isCloseTo(ScriptedDevices.AVERAGE_HEALTH, within(1e-3));
        assertThat(board.sql("Offline devices").singleNumber("devices")).isEqualTo(ScriptedDevices.OFFLINE);
        assertThat(board.sql("Data freshness").singleNumber("age"))
                .isEqualTo(java.time.Duration.between(ScriptedDevices.LAST_SCORED, ScriptedClock.NOW).toSeconds());
    }

    @Test
    void averageTemperatureAndAnomalyRateOfTheLastFiveMinutes() {
        // 11:55:00 to 12:00:00: workshop-04 steps 36..59 (1130 + 390), pump-02 24 x 40, the freezer
        // 12 x -21 + 12 x -19, hall-node-07 one 22, gateway-00 steps 36..65 (30 x 25: its newest
        // reading too, written before the watermark passes it).
        double mean = (1130 + 390 + 24 * 40 - 480 + 22 + 30 * 25) / 103.0;
        assertThat(Rows.number(board.influx("Average temperature").series().get(0).values().get(0).get(1))).isCloseTo(mean, within(1e-9));
        // 72 scored readings (workshop-04, pump-02, the freezer: 24 each), one anomalous: pump-02's at step 40.
        assertThat(Rows.number(board.influx("Anomaly rate (5 min)").series().get(0).values().get(0).get(1)))
                .isCloseTo(100.0 / 72, within(1e-9));
    }

    @Test
    void theDeviceTableOfflineFirst() {
        QueryResult devices = board.sql("Devices");
        assertThat(devices.rows()).hasSize(ScriptedDevices.DEVICES.size());
        Map<String, Object> first = Rows.maps(devices).get(0);
        assertThat(first).containsEntry("device_id", "hall-node-07").containsEntry("status", "offline")
                .containsEntry("name", "Hall sensor").containsEntry("location", "Main hall");
        assertThat(Rows.number(first.get("open_alerts"))).isEqualTo(1);
        Map<String, Object> lathe = Rows.row(devices, "device_id", "workshop-04");
        assertThat(Rows.number(lathe.get("health"))).isEqualTo(70);
        assertThat(Rows.instant(lathe.get("last_seen_at"))).isEqualTo(step(59));
    }

    @Test
    void openAlertsMostSevereFirstWithTheirMessages() {
        QueryResult open = board.sql("Open alerts");
        assertThat(open.values("type")).containsExactlyElementsOf(ScriptedDevices.OPEN_ALERTS_BY_SEVERITY);
        assertThat(open.values("severity")).containsExactly("CRITICAL", "HIGH", "HIGH", "LOW");
        assertThat(Rows.row(open, "type", "OFFLINE")).containsEntry("device", "Hall sensor");
        assertThat((String) Rows.row(open, "type", "OFFLINE").get("message"))
                .contains("No reading from hall-node-07 (Hall sensor, Main hall) since 2026-11-21 11:55:00 UTC").contains("power supply");
        assertThat((String) Rows.row(open, "type", "FIRE_RISK").get("message")).contains("evacuate");
        assertThat(Rows.instant(Rows.row(open, "type", "OVERHEAT").get("opened_at"))).isEqualTo(step(57));
    }

    @Test
    void recentAlertsAndTheTimeline() {
        List<String> recent = new ArrayList<>();
        for (Map<String, Object> row : Rows.maps(board.sql("Recent alerts"))) {
            Object resolved = row.get("resolved_at");
            recent.add(row.get("type") + "|" + row.get("severity") + "|" + Rows.instant(row.get("opened_at")) + "|"
                    + (resolved == null ? "open" : Rows.instant(resolved)));
        }
        assertThat(recent).containsExactly(
                "OVERHEAT|HIGH|" + step(57) + "|open",
                "LOW_BATTERY|LOW|" + step(51) + "|open",
                "OFFLINE|HIGH|" + step(36).plusSeconds(15) + "|open",
                "FIRE_RISK|CRITICAL|" + step(7) + "|open",
                "HIGH_VIBRATION|MEDIUM|" + step(7) + "|" + step(8));

        QueryResult timeline = board.sql("Alert timeline");
        assertThat(severityAt(timeline, "pump-02", step(7))).isEqualTo(2);
        assertThat(severityAt(timeline, "pump-02", step(8))).isZero();
        assertThat(severityAt(timeline, "gas-lab-03", step(7))).isEqualTo(4);
        assertThat(severityAt(timeline, "workshop-04", step(57))).isEqualTo(3);
        assertThat(severityAt(timeline, "workshop-04", ScriptedClock.NOW.minusSeconds(3600))).as("the range's start").isZero();
    }

    @Test
    void metricsZScoresAndHealthPerDevice() {
        InfluxResult temperature = board.influx("$metric per device");
        assertThat(temperature.series()).extracting(s -> s.tags().get("device"))
                .containsExactlyInAnyOrder("workshop-04", "pump-02", "lab-freezer-01", "hall-node-07", "gateway-00");
        InfluxResult z = board.influx("$metric z-score");
        assertThat(z.series()).extracting(s -> s.tags().get("device")).containsExactlyInAnyOrder("workshop-04", "lab-freezer-01");
        assertThat(z.seriesTagged("device", "workshop-04").column("mean")).filteredOn(v -> v != null)
                .allMatch(v -> Math.abs(Rows.number(v)) < 3);
        InfluxResult health = board.influx("Health over time");
        List<Object> lathe = health.seriesTagged("device", "workshop-04").column("last");
        assertThat(Rows.number(lathe.get(lathe.size() - 1))).isEqualTo(70);
        List<Object> freezer = health.seriesTagged("device", "lab-freezer-01").column("last");
        assertThat(Rows.number(freezer.get(freezer.size() - 1))).isEqualTo(80);
    }

    private static double severityAt(QueryResult timeline, String device, java.time.Instant at) {
        return Rows.maps(timeline).stream()
                .filter(r -> device.equals(r.get("metric")) && Rows.instant(r.get("time")).equals(at))
                .map(r -> Rows.number(r.get("severity"))).findFirst()
                .orElseThrow(() -> new AssertionError("no " + device + " row at " + at + " in " + timeline));
    }
}

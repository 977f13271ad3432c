package io.pulse.jobs.telemetry.alerts;

import io.pulse.jobs.ingest.Rejection;
import io.pulse.jobs.telemetry.quality.ScoredReading;
import io.pulse.jobs.telemetry.rules.AlertRules;
import io.pulse.jobs.telemetry.rules.RulesParser;

import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.java.typeutils.PojoTypeInfo;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Set;

import static io.pulse.jobs.telemetry.alerts.Fixtures.reading;
import static org.assertj.core.api.Assertions.assertThat;

class EvaluatedReadingTest {

    @Test
    void flagsFollowTheContractDefaults() {
        EvaluatedReading r = reading("R1", 0, "temperature", 75.1, "vibration", 1.5, "battery", 9.9, "gas", 401, "flame", true);

        assertThat(r.hot()).isTrue();
        assertThat(r.vibrating()).isFalse(); // > 1.5, not >=
        assertThat(r.batteryLow()).isTrue();
        assertThat(r.batteryCritical()).isTrue();
        assertThat(r.gasHigh()).isTrue();
        assertThat(r.flame()).isTrue();
        assertThat(r.batteryDropLimit()).isEqualTo(10);
        assertThat(r.offlineAfterMs()).isEqualTo(15_000);
    }

    @Test
    void aMetricTheReadingDoesNotCarryRaisesNoFlag() {
        EvaluatedReading r = reading("R1", 0, "humidity", 40);

        assertThat(r.hasTemperature()).isFalse();
        assertThat(r.hasBattery()).isFalse();
        assertThat(r.hot() || r.vibrating() || r.batteryLow() || r.batteryCritical() || r.gasHigh() || r.flame()
                || r.anomalous()).isFalse();
    }

    @Test
    void theDevicesOwnRulesApply() throws Rejection {
        AlertRules rules = RulesParser.parse(("{\"version\": 2, \"devices\": {\"R1\": {\"OVERHEAT\": {\"threshold\": 70},"
                + " \"OFFLINE\": {\"afterSeconds\": 60}, \"FIRE_RISK\": {\"enabled\": false}}}}").getBytes(StandardCharsets.UTF_8));

        assertThat(Fixtures.reading(rules, "R1", 0, "temperature", 72).hot()).isTrue();
        assertThat(Fixtures.reading(rules, "R2", 0, "temperature", 72).hot()).isFalse();
        assertThat(Fixtures.reading(rules, "R1", 0, "flame", true).flame()).isFalse();
        assertThat(Fixtures.reading(rules, "R1", 0, "flame", true).offlineAfterMs()).isEqualTo(60_000);
    }

    @Test
    void theRegistrysExpectedIntervalReplacesTheDefaultTimeoutButNotTheDevicesOwnRule() throws Rejection {
        AlertRules rules = RulesParser.parse(
                "{\"version\": 2, \"devices\": {\"R1\": {\"OFFLINE\": {\"afterSeconds\": 60}}}}".getBytes(StandardCharsets.UTF_8));
        AlertInput r1 = Fixtures.input("R1", 0, "temperature", 20).withRegistry("Lab 2", Duration.ofSeconds(30));
        AlertInput r2 = Fixtures.input("R2", 0, "temperature", 20).withRegistry("Lab 3", Duration.ofSeconds(30));
        AlertInput r3 = Fixtures.input("R3", 0, "temperature", 20).withRegistry(null, null);

        assertThat(EvaluatedReading.evaluate(r1, rules).offlineAfterMs()).isEqualTo(60_000);
        assertThat(EvaluatedReading.evaluate(r2, rules).offlineAfterMs()).isEqualTo(30_000);
        assertThat(EvaluatedReading.evaluate(r2, rules).displayName()).isEqualTo("Lab 3");
        assertThat(EvaluatedReading.evaluate(r3, rules).offlineAfterMs()).isEqualTo(15_000);
    }

    @Test
    void anomaliesCarryTheirMetricsAndLargestScore() {
        AlertInput in = AlertInput.scored("R1", 0, Map.of("temperature", 90.0, "humidity", 10.0),
                Map.of("temperature", 4.5, "humidity", -5.25), Set.of("temperature", "humidity"));

        EvaluatedReading r = EvaluatedReading.evaluate(in, AlertRules.DEFAULTS);

        assertThat(r.anomalous()).isTrue();
        assertThat(r.anomalyScore()).isEqualTo(5.25);
        assertThat(r.anomalousMetrics()).isEqualTo("humidity,temperature");
    }

    @Test
    void aScoredReadingBecomesAnAlertInput() {
        AlertInput in = AlertInput.of(new ScoredReading("R1", 5, Map.of("temperature", 90.0, "humidity", 10.0),
                Map.of("temperature", 2.0, "humidity", -3.5), Set.of("humidity")));

        assertThat(in).isEqualTo(new AlertInput("R1", 5, Map.of("temperature", 90.0, "humidity", 10.0), Set.of("humidity"), 3.5, null, 0));
    }

    @Test
    void recordsThatFlowBetweenOperatorsAreFlinkPojosNotKryo() {
        for (Class<?> type : new Class<?>[] {AlertMatch.class, Alert.class,
                OpenAlert.class, OfflineState.class, AlertEvent.class, DeviceCommand.class}) {
            assertThat(TypeInformation.of(type)).as(type.getSimpleName()).isInstanceOf(PojoTypeInfo.class);
        }
    }
}

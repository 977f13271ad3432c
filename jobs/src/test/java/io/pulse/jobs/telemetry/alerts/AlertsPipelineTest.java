package io.pulse.jobs.telemetry.alerts;

import io.pulse.jobs.telemetry.rules.AlertRules;
import io.pulse.jobs.telemetry.rules.AlertType;

import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.connector.source.util.ratelimit.RateLimiterStrategy;
import org.apache.flink.connector.datagen.source.DataGeneratorSource;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.util.CloseableIterator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import static io.pulse.jobs.telemetry.alerts.Fixtures.at;
import static io.pulse.jobs.telemetry.alerts.Fixtures.input;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

/** The wired alert operators on a local cluster: a scripted scenario of five devices, one of them clean. */
class AlertsPipelineTest {

    /** R1 overheats, S7's battery drops, R3 goes silent, K2 has a fire risk, C5 is clean. */
    static List<AlertInput> scenario() {
        List<AlertInput> inputs = new ArrayList<>();
        // R1 overheats at 20 s, hovers around 75 without resolving, cools to 72 at 50 s (out of order by up to 4 s)
        double[] r1 = {70, 72, 76, 78, 80, 74, 76, 74, 76, 74, 72};
        int[] r1Order = {0, 1, 3, 2, 4, 6, 5, 7, 8, 9, 10};
        for (int i : r1Order) {
            inputs.add(input("R1", i * 5, "temperature", r1[i]));
        }
        // S7's battery falls 18 points at 10 s, then drains slowly: the drop resolves 300 s after it
        inputs.add(input("S7", 0, "battery", 90));
        inputs.add(input("S7", 5, "battery", 88));
        for (int s = 10, level = 70; s <= 320; s += 5, level = Math.max(level - 1, 40)) {
            inputs.add(input("S7", s, "battery", level));
        }
        // R3 is silent from 10 s to 60 s
        for (int s : new int[] {0, 5, 10, 60, 65}) {
            inputs.add(input("R3", s, "temperature", 21));
        }
        // K2: high gas, then flame 20 s later
        inputs.add(input("K2", 0, "gas", 620));
        inputs.add(input("K2", 10, "gas", 100));
        inputs.add(input("K2", 20, "flame", true));
        // C5 is clean
        for (int s = 0; s <= 60; s += 5) {
            inputs.add(input("C5", s, "temperature", 20, "battery", 80, "vibration", 0.2));
        }
        return inputs;
    }

    static DataStream<AlertInput> readings(StreamExecutionEnvironment env) {
        return env.fromData(scenario()).setParallelism(1)
                .assignTimestampsAndWatermarks(WatermarkStrategy.<AlertInput>forBoundedOutOfOrderness(Duration.ofSeconds(5))
                        .withTimestampAssigner((r, previous) -> r.ts()));
    }

    static List<AlertEvent> sorted(List<AlertEvent> events) {
        List<AlertEvent> copy = new ArrayList<>(events);
        copy.sort(Comparator.comparing((AlertEvent e) -> e.alert().deviceId()).thenComparing(e -> e.alert().openedAt())
                .thenComparing(e -> e.alert().resolvedAt() != null));
        return copy;
    }

    @Test
    void aScriptedScenarioGivesExactlyTheExpectedAlerts() throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.setParallelism(2);
        DataStream<AlertRules> rules = env.fromData(AlertRules.DEFAULTS);

        AlertStreams streams = AlertsPipeline.attach(readings(env), rules);

        List<AlertEvent> events = new ArrayList<>();
        try (CloseableIterator<AlertEvent> it = streams.events().executeAndCollect()) {
            it.forEachRemaining(events::add);
        }
        assertThat(sorted(events)).extracting(e -> e.alert().deviceId(), e -> e.alert().type(), AlertEvent::event,
                e -> e.alert().openedAt().toEpochMilli(), e -> e.alert().resolvedAt() == null ? null : e.alert().resolvedAt().toEpochMilli())
                .containsExactly(
                        tuple("K2", AlertType.FIRE_RISK, "opened", at(20), null),
                        tuple("R1", AlertType.OVERHEAT, "opened", at(20), null),
                        tuple("R1", AlertType.OVERHEAT, "resolved", at(20), at(50)),
                        tuple("R3", AlertType.OFFLINE, "opened", at(25), null),
                        tuple("R3", AlertType.OFFLINE, "resolved", at(25), at(60)),
                        tuple("S7", AlertType.BATTERY_DROP, "opened", at(10), null),
                        tuple("S7", AlertType.BATTERY_DROP, "resolved", at(10), at(310)));
    }

    @Test
    @Timeout(value = 120, threadMode = Timeout.ThreadMode.SEPARATE_THREAD) // without OutOfEventTime it would wait forever
    void aRulesStreamThatNeverEndsDoesNotHoldEventTimeBack() throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.setParallelism(2);
        // like pulse/config/rules: unbounded, and silent nearly all the time
        DataStream<AlertRules> rules = env.fromSource(
                new DataGeneratorSource<>(i -> AlertRules.DEFAULTS, Long.MAX_VALUE, RateLimiterStrategy.perSecond(0.001),
                        TypeInformation.of(AlertRules.class)),
                WatermarkStrategy.noWatermarks(), "rules").setParallelism(1);

        AlertStreams streams = AlertsPipeline.attach(readings(env), rules);

        // the job never ends now: wall-clock OFFLINE alerts would follow, so only the pattern alerts are compared
        List<AlertEvent> events = streams.events().filter(e -> e.alert().type() != AlertType.OFFLINE).executeAndCollect(5);
        assertThat(sorted(events)).extracting(e -> e.alert().deviceId(), e -> e.alert().type(), AlertEvent::event)
                .containsExactly(
                        tuple("K2", AlertType.FIRE_RISK, "opened"),
                        tuple("R1", AlertType.OVERHEAT, "opened"),
                        tuple("R1", AlertType.OVERHEAT, "resolved"),
                        tuple("S7", AlertType.BATTERY_DROP, "opened"),
                        tuple("S7", AlertType.BATTERY_DROP, "resolved"));
    }
}

package io.pulse.connectors.mqtt.source.enumerator;

import io.pulse.connectors.mqtt.source.split.MqttSessionSplit;

import org.apache.flink.api.connector.source.ReaderInfo;
import org.apache.flink.api.connector.source.SplitsAssignment;
import org.apache.flink.api.connector.source.mocks.MockSplitEnumeratorContext;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class MqttSessionEnumeratorTest {

    @Test
    void givesEachNewReaderTheSessionOfItsIndexOnce() throws Exception {
        try (MockSplitEnumeratorContext<MqttSessionSplit> context = new MockSplitEnumeratorContext<>(3)) {
            MqttSessionEnumerator enumerator = new MqttSessionEnumerator(context, MqttEnumeratorState.empty(), "test");
            for (int subtask = 0; subtask < 3; subtask++) {
                register(context, enumerator, subtask);
            }
            enumerator.addReader(1); // registering again must not hand out a second session

            assertThat(assignments(context)).containsExactly(
                    Map.entry(0, List.of(new MqttSessionSplit(0, 3))),
                    Map.entry(1, List.of(new MqttSessionSplit(1, 3))),
                    Map.entry(2, List.of(new MqttSessionSplit(2, 3))));
            assertThat(enumerator.snapshotState(1)).isEqualTo(new MqttEnumeratorState(Map.of(0, 3, 1, 3, 2, 3), Map.of()));
        }
    }

    @Test
    void reassignsSessionsHandedBackAfterAFailure() throws Exception {
        try (MockSplitEnumeratorContext<MqttSessionSplit> context = new MockSplitEnumeratorContext<>(2)) {
            MqttSessionEnumerator enumerator = new MqttSessionEnumerator(context, MqttEnumeratorState.empty(), "test");
            register(context, enumerator, 0);
            register(context, enumerator, 1);
            context.unregisterReader(1);

            enumerator.addSplitsBack(List.of(new MqttSessionSplit(1, 2)), 1);
            assertThat(enumerator.snapshotState(2)).isEqualTo(new MqttEnumeratorState(Map.of(0, 2), Map.of(1, 2)));

            register(context, enumerator, 1);
            assertThat(assignments(context)).last().isEqualTo(Map.entry(1, List.of(new MqttSessionSplit(1, 2))));
            assertThat(enumerator.snapshotState(3)).isEqualTo(new MqttEnumeratorState(Map.of(0, 2, 1, 2), Map.of()));
        }
    }

    @Test
    void restoredEnumeratorCreatesNoSessionsReadersAlreadyOwnAndKeepsOrphansAfterRescaleDown() throws Exception {
        // Was parallelism 4 with sessions 0..3; sessions 2 and 3 came back unowned; now parallelism 2.
        MqttEnumeratorState restored = new MqttEnumeratorState(Map.of(0, 4, 1, 4), Map.of(2, 4, 3, 4));
        try (MockSplitEnumeratorContext<MqttSessionSplit> context = new MockSplitEnumeratorContext<>(2)) {
            MqttSessionEnumerator enumerator = new MqttSessionEnumerator(context, restored, "test");
            register(context, enumerator, 0);
            register(context, enumerator, 1);

            assertThat(assignments(context)).containsExactly(
                    Map.entry(0, List.of(new MqttSessionSplit(2, 4))),
                    Map.entry(1, List.of(new MqttSessionSplit(3, 4))));
            assertThat(enumerator.snapshotState(5)).isEqualTo(new MqttEnumeratorState(Map.of(0, 4, 1, 4, 2, 4, 3, 4), Map.of()));
        }
    }

    private static void register(MockSplitEnumeratorContext<MqttSessionSplit> context, MqttSessionEnumerator enumerator, int subtask) {
        context.registerReader(new ReaderInfo(subtask, "localhost"));
        enumerator.addReader(subtask);
    }

    private static List<Map.Entry<Integer, List<MqttSessionSplit>>> assignments(MockSplitEnumeratorContext<MqttSessionSplit> context) {
        List<Map.Entry<Integer, List<MqttSessionSplit>>> flat = new ArrayList<>();
        for (SplitsAssignment<MqttSessionSplit> assignment : context.getSplitsAssignmentSequence()) {
            assignment.assignment().forEach((subtask, splits) -> flat.add(Map.entry(subtask, List.copyOf(splits))));
        }
        return flat;
    }
}

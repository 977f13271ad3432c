package io.pulse.connectors.mqtt.source.reader;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class PendingAcknowledgementsTest {

    private final PendingAcknowledgements<String> pending = new PendingAcknowledgements<>();
    private final List<String> acknowledged = new ArrayList<>();

    @Test
    void acknowledgesOnlyWhatACompletedCheckpointCovers() {
        pending.add("a");
        pending.add("b");
        pending.seal(1);
        pending.add("c"); // emitted after checkpoint 1's snapshot

        assertThat(pending.acknowledgeUpTo(1, acknowledged::add)).isEqualTo(2);
        assertThat(acknowledged).containsExactly("a", "b");
        assertThat(pending.size()).isEqualTo(1);
    }

    @Test
    void aCompletedCheckpointAlsoCoversAnEarlierAbortedOne() {
        pending.add("a");
        pending.seal(1); // checkpoint 1 is aborted: never notified
        pending.add("b");
        pending.seal(2);
        pending.add("c");
        pending.seal(3);

        pending.acknowledgeUpTo(2, acknowledged::add);
        assertThat(acknowledged).containsExactly("a", "b");
        pending.acknowledgeUpTo(3, acknowledged::add);
        assertThat(acknowledged).containsExactly("a", "b", "c");
        assertThat(pending.size()).isZero();
    }

    @Test
    void nothingIsAcknowledgedTwiceAndFailedAcknowledgementsAreNotCounted() {
        pending.add("ok");
        pending.add("stale");
        pending.seal(7);

        assertThat(pending.acknowledgeUpTo(7, d -> d.equals("ok"))).isEqualTo(1);
        assertThat(pending.acknowledgeUpTo(7, d -> true)).isZero();
        assertThat(pending.size()).isZero();
    }

    @Test
    void sealingNothingLeavesNoEmptyEntries() {
        pending.seal(1);
        pending.seal(2);
        assertThat(pending.acknowledgeUpTo(2, acknowledged::add)).isZero();
    }
}

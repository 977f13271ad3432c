package io.pulse.bridge.queue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Against a real SQLite database in a temporary directory. */
class ReadingQueueTest {

    @TempDir
    Path dir;

    @Test
    void fifoThatSurvivesReopening() {
        try (ReadingQueue queue = ReadingQueue.open(dir, 100)) {
            for (int i = 0; i < 5; i++) {
                queue.append("t/" + i, bytes("m" + i));
            }
            List<QueuedMessage> head = queue.peek(2);
            assertThat(head).extracting(QueuedMessage::topic).containsExactly("t/0", "t/1");
            queue.removeThrough(head.get(1).seq());
            assertThat(queue.size()).isEqualTo(3);
        }
        try (ReadingQueue reopened = ReadingQueue.open(dir, 100)) {
            assertThat(reopened.size()).isEqualTo(3);
            assertThat(reopened.peek(10)).extracting(m -> new String(m.payload(), StandardCharsets.UTF_8))
                    .containsExactly("m2", "m3", "m4");
            reopened.append("t/5", bytes("m5"));
            List<QueuedMessage> all = reopened.peek(10);
            // seq keeps growing across runs, so order holds
            assertThat(all).extracting(QueuedMessage::seq).isSorted().doesNotHaveDuplicates();
            assertThat(all.get(3).topic()).isEqualTo("t/5");
        }
    }

    @Test
    void fullQueueDropsTheOldestAndCountsIt() {
        try (ReadingQueue queue = ReadingQueue.open(dir, 3)) {
            for (int i = 0; i < 5; i++) {
                queue.append("t", bytes("m" + i));
            }
            assertThat(queue.size()).isEqualTo(3);
            assertThat(queue.dropped()).isEqualTo(2);
            assertThat(queue.peek(10)).extracting(m -> new String(m.payload(), StandardCharsets.UTF_8))
                    .containsExactly("m2", "m3", "m4");
        }
    }

    @Test
    void oneBridgePerDirectory() {
        try (ReadingQueue first = ReadingQueue.open(dir, 10)) {
            first.append("t", bytes("x"));
            assertThatThrownBy(() -> ReadingQueue.open(dir, 10)).hasMessageContaining("in use by another bridge");
        }
        try (ReadingQueue again = ReadingQueue.open(dir, 10)) {
            assertThat(again.size()).isEqualTo(1);
        }
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}

package io.pulse.connectors.mqtt.source.spool;

import io.pulse.connectors.mqtt.MqttMessage;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SessionSpoolTest {

    /** Small segments, so that a few hundred messages span several files. */
    private static final SpoolSettings SMALL = new SpoolSettings(1 << 20, 4 << 10, false);

    @TempDir
    Path folder;

    private static MqttMessage message(String payload) {
        return new MqttMessage("devices/D1/telemetry", payload.getBytes(StandardCharsets.UTF_8), 1, false, null, Map.of());
    }

    private static List<String> drain(SessionSpool spool) throws IOException {
        List<String> read = new ArrayList<>();
        for (MqttMessage m = spool.next(); m != null; m = spool.next()) {
            read.add(m.payloadAsString());
        }
        return read;
    }

    private static List<String> numbered(String prefix, int from, int to) {
        List<String> payloads = new ArrayList<>();
        for (int i = from; i < to; i++) {
            payloads.add(prefix + i);
        }
        return payloads;
    }

    private static void write(SessionSpool spool, List<String> payloads) throws Exception {
        for (String payload : payloads) {
            spool.append(message(payload));
        }
        spool.commit();
    }

    @Test
    void readsOnlyWhatIsCommittedInOrderAcrossSegmentsWithEveryField() throws Exception {
        try (SessionSpool spool = SessionSpool.open(folder, null, SMALL)) {
            MqttMessage full = new MqttMessage("a/ü/b", new byte[] {0, 1, 2}, 2, true, "application/json",
                    Map.of("k", "v", "ключ", "значение"));
            spool.append(full);
            assertThat(spool.next()).as("not committed yet").isNull();
            assertThat(spool.hasNext()).isFalse();
            spool.commit();
            assertThat(spool.hasNext()).isTrue();
            MqttMessage read = spool.next();
            assertThat(read.topic()).isEqualTo(full.topic());
            assertThat(read.payload()).isEqualTo(full.payload());
            assertThat(read.qos()).isEqualTo(2);
            assertThat(read.retained()).isTrue();
            assertThat(read.contentType()).isEqualTo("application/json");
            assertThat(read.userProperties()).isEqualTo(full.userProperties());

            write(spool, numbered("m", 0, 500));
            assertThat(drain(spool)).isEqualTo(numbered("m", 0, 500));
            assertThat(SpoolSegments.list(folder)).as("several segments").hasSizeGreaterThan(3);
        }
    }

    @Test
    void aRestoreReplaysExactlyWhatCameAfterTheCheckpointedPosition() throws Exception {
        SpoolPosition checkpoint;
        try (SessionSpool spool = SessionSpool.open(folder, null, SMALL)) {
            write(spool, numbered("m", 0, 300));
            assertThat(spool.next().payloadAsString()).isEqualTo("m0");
            assertThat(drain(spool)).hasSize(299);
        }
        try (SessionSpool spool = SessionSpool.open(folder, null, SMALL)) {
            // a restart without a checkpoint replays everything the spool holds
            assertThat(drain(spool)).isEqualTo(numbered("m", 0, 300));
        }
        Files.list(folder).filter(p -> p.toString().endsWith(".seg")).forEach(p -> p.toFile().delete());
        try (SessionSpool spool = SessionSpool.open(folder, null, SMALL)) {
            write(spool, numbered("a", 0, 100));
            for (int i = 0; i < 60; i++) {
                spool.next();
            }
            checkpoint = spool.position();
            write(spool, numbered("a", 100, 200));
            drain(spool);
        }
        try (SessionSpool spool = SessionSpool.open(folder, checkpoint, SMALL)) {
            write(spool, numbered("b", 0, 10));
            assertThat(drain(spool)).isEqualTo(concat(numbered("a", 60, 200), numbered("b", 0, 10)));
        }
    }

    @Test
    void releaseDeletesTheSegmentsBeforeACompletedCheckpointAndFreesSpace() throws Exception {
        try (SessionSpool spool = SessionSpool.open(folder, null, SMALL)) {
            write(spool, numbered("m", 0, 500));
            long before = spool.bytes();
            drain(spool);
            SpoolPosition end = spool.position();
            spool.release(end);
            assertThat(SpoolSegments.list(folder).firstKey()).isEqualTo(end.segment());
            assertThat(spool.bytes()).isLessThan(before);
            write(spool, List.of("after"));
            assertThat(drain(spool)).containsExactly("after");
        }
    }

    @Test
    void aTornRecordAtTheEndOfAnOldSegmentEndsThatSegmentOnly() throws Exception {
        try (SessionSpool spool = SessionSpool.open(folder, null, SMALL)) {
            write(spool, numbered("m", 0, 20));
        }
        Path segment = SpoolSegments.path(folder, SpoolSegments.list(folder).firstKey());
        long size = Files.size(segment);
        try (FileChannel channel = FileChannel.open(segment, StandardOpenOption.WRITE)) {
            channel.truncate(size - 3); // the crash tore the last record
        }
        try (SessionSpool spool = SessionSpool.open(folder, null, SMALL)) {
            write(spool, List.of("next-run"));
            assertThat(drain(spool)).isEqualTo(concat(numbered("m", 0, 19), List.of("next-run")));
        }
    }

    @Test
    void aFullSpoolWaitsUntilACheckpointReleasesSpace() throws Exception {
        SpoolSettings tiny = new SpoolSettings(1 << 20, 64 << 10, false);
        try (SessionSpool spool = SessionSpool.open(folder, null, tiny)) {
            String big = "x".repeat(100_000);
            while (spool.bytes() < tiny.maxBytes()) {
                spool.append(message(big));
            }
            spool.commit();
            CompletableFuture<Void> blocked = CompletableFuture.runAsync(() -> {
                try {
                    spool.append(message("waits"));
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            Thread.sleep(300);
            assertThat(blocked).isNotDone();
            drain(spool);
            spool.release(spool.position());
            blocked.get(5, TimeUnit.SECONDS);
        }
    }

    @Test
    void aSecondOpenOfTheSameSpoolWaitsUntilTheFirstIsClosed() throws Exception {
        SessionSpool first = SessionSpool.open(folder, null, SMALL);
        write(first, List.of("from-first"));
        CompletableFuture<List<String>> second = CompletableFuture.supplyAsync(() -> {
            try (SessionSpool spool = SessionSpool.open(folder, null, SMALL)) {
                return drain(spool);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        Thread.sleep(500);
        assertThat(second).as("a restarted task waits for the old one to let go").isNotDone();
        first.close();
        assertThat(second.get(10, TimeUnit.SECONDS)).containsExactly("from-first");
        assertThatThrownBy(() -> new SpoolSettings(10, 10, true)).hasMessageContaining("at least 1 MiB");
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }
}

package io.pulse.jobs.energy.integration;

import io.pulse.jobs.SerializerSnapshots;
import io.pulse.jobs.energy.windows.WindowFigures;

import org.apache.flink.core.memory.DataInputDeserializer;
import org.apache.flink.core.memory.DataOutputSerializer;
import org.junit.jupiter.api.Test;

import java.io.IOException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MeterHistorySerializerTest {

    private static final MeterHistorySerializer SERIALIZER = MeterHistorySerializer.INSTANCE;
    private static final long WINDOW = 300_000;
    private static final long GAP = 60_000;

    /** 0..600 s every 2 s (voltage from 100 s on), settled up to 500 s, window 0 final. */
    private static MeterHistory history() {
        MeterHistory h = new MeterHistory();
        for (long t = 0; t <= 600_000; t += 2_000) {
            h.insert(h.size, t, 1_000 + t / 1_000.0, t >= 100_000 ? 230 : Double.NaN, 4.5);
        }
        h.finalBefore = 0;
        h.timersFor = 600_000;
        h.settle(500_000, WINDOW, GAP);
        return h;
    }

    private static byte[] bytes(MeterHistory h) throws IOException {
        DataOutputSerializer out = new DataOutputSerializer(256);
        SERIALIZER.serialize(h, out);
        return out.getCopyOfBuffer();
    }

    private static MeterHistory read(byte[] data) throws IOException {
        return SERIALIZER.deserialize(new DataInputDeserializer(data));
    }

    @Test
    void aRestoredHistoryGivesTheSameWindowsAndRepeats() throws IOException {
        MeterHistory original = history();
        MeterHistory restored = read(bytes(original));

        assertThat(restored.size).isEqualTo(original.size).isEqualTo(51);
        assertThat(restored.settled).hasSize(2);
        assertThat(restored.settledTimes.count).isEqualTo(250);
        assertThat(restored.settledUntil).isEqualTo(500_000);
        assertThat(restored.timersFor).isEqualTo(600_000);
        for (long start = 0; start <= 600_000; start += WINDOW) {
            assertThat(WindowFigures.compute("M", restored, start, start + WINDOW, GAP)).as("window at " + start)
                    .isEqualTo(WindowFigures.compute("M", original, start, start + WINDOW, GAP));
        }
        for (long t = 0; t <= 602_000; t += 1_000) {
            assertThat(restored.isRepeat(t)).as("a repeat at " + t).isEqualTo(original.isRepeat(t));
        }
        assertThat(bytes(restored)).as("written again: the same bytes").isEqualTo(bytes(original));

        restored.insert(restored.size, 602_000, 1, 2, 3); // the restored arrays take new readings
        assertThat(restored.isRepeat(602_000)).isTrue();
    }

    @Test
    void theSizeIsWhatItHoldsNotHowFarItsArraysGrew() throws IOException {
        MeterHistory burst = new MeterHistory();
        for (long t = 0; t < 1_000_000; t += 1_000) {
            burst.insert(burst.size, t, 100, 230, 0.4);
        }
        burst.dropBefore(990_000); // 10 left in arrays grown for 1,000
        MeterHistory steady = new MeterHistory();
        for (long t = 990_000; t < 1_000_000; t += 1_000) {
            steady.insert(steady.size, t, 100, 230, 0.4);
        }
        assertThat(burst.ts.length).isGreaterThan(steady.ts.length);
        assertThat(bytes(burst)).isEqualTo(bytes(steady));
        // format, count, 10 × 32 bytes, 3 longs, no settled window, no settled time
        assertThat(bytes(steady)).hasSize(1 + 4 + 10 * 32 + 3 * 8 + 4 + 4);
    }

    @Test
    void aCopyIsDeep() throws IOException {
        MeterHistory original = history();
        byte[] before = bytes(original);
        MeterHistory copy = SERIALIZER.copy(original);
        copy.insert(copy.size, 700_000, 5, 5, 5);
        copy.settle(640_000, WINDOW, GAP);
        copy.settledOf(300_000).samples++;
        copy.dropBefore(540_000);
        assertThat(bytes(original)).as("the original unchanged").isEqualTo(before);
        assertThat(bytes(SERIALIZER.copy(original))).isEqualTo(before);
    }

    @Test
    void copyingSerializedFormKeepsTheBytes() throws IOException {
        byte[] data = bytes(history());
        DataOutputSerializer out = new DataOutputSerializer(256);
        SERIALIZER.copy(new DataInputDeserializer(data), out);
        assertThat(out.getCopyOfBuffer()).isEqualTo(data);
    }

    @Test
    void anUnknownFormatIsRefusedWithAReason() throws IOException {
        byte[] data = bytes(history());
        data[0] = 9;
        assertThatThrownBy(() -> read(data)).isInstanceOf(IOException.class)
                .hasMessageContaining("unknown meter history format 9");
    }

    @Test
    void itsSnapshotRestoresTheSameSerializerCompatibleAsIs() throws IOException {
        SerializerSnapshots.assertRestoresCompatibleAsIs(SERIALIZER);
    }
}

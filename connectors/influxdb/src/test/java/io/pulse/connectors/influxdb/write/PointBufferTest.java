package io.pulse.connectors.influxdb.write;

import io.pulse.connectors.influxdb.InfluxPoint;
import io.pulse.connectors.influxdb.InfluxPrecision;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PointBufferTest {

    private static InfluxPoint point(long i) {
        return InfluxPoint.builder("m").field("f", i).time(i, InfluxPrecision.SECONDS).build();
    }

    @Test
    void isDueWhenFull() {
        PointBuffer buffer = new PointBuffer(3, 1_000, InfluxPrecision.SECONDS);
        buffer.add(point(1), 0);
        buffer.add(point(2), 0);
        assertThat(buffer.isDue(0)).isFalse();
        buffer.add(point(3), 0);
        assertThat(buffer.isDue(0)).isTrue();
    }

    @Test
    void isDueWhenTheOldestPointWaitedAFlushInterval() {
        PointBuffer buffer = new PointBuffer(100, 1_000, InfluxPrecision.SECONDS);
        assertThat(buffer.isDue(10_000)).isFalse(); // empty is never due
        buffer.add(point(1), 5_000);
        buffer.add(point(2), 5_900);
        assertThat(buffer.dueAt()).isEqualTo(6_000);
        assertThat(buffer.isDue(5_999)).isFalse();
        assertThat(buffer.isDue(6_000)).isTrue();
    }

    @Test
    void clearingRestartsTheClock() {
        PointBuffer buffer = new PointBuffer(100, 1_000, InfluxPrecision.SECONDS);
        buffer.add(point(1), 0);
        buffer.clear();
        assertThat(buffer.batches()).isEmpty();
        buffer.add(point(2), 7_000);
        assertThat(buffer.dueAt()).isEqualTo(8_000);
        assertThat(buffer.size()).isEqualTo(1);
    }

    @Test
    void rendersIntoBodiesOfAtMostBatchSizeLinesInOrder() {
        PointBuffer buffer = new PointBuffer(2, 1_000, InfluxPrecision.MILLISECONDS);
        for (long i = 1; i <= 5; i++) {
            buffer.add(point(i), 0);
        }
        assertThat(buffer.size()).isEqualTo(5);
        assertThat(buffer.batches()).containsExactly(
                new PointBuffer.Batch("m f=1i 1000\nm f=2i 2000", 2),
                new PointBuffer.Batch("m f=3i 3000\nm f=4i 4000", 2),
                new PointBuffer.Batch("m f=5i 5000", 1));
    }

    @Test
    void aPointThatCannotBeRenderedLeavesNothingBehind() {
        PointBuffer buffer = new PointBuffer(10, 1_000, InfluxPrecision.NANOSECONDS);
        buffer.add(point(1), 0);
        InfluxPoint tooLate = InfluxPoint.builder("m").field("f", 1.0).time(Long.MAX_VALUE / 10, InfluxPrecision.SECONDS).build();
        assertThatThrownBy(() -> buffer.add(tooLate, 0)).hasMessageContaining("does not fit");
        buffer.add(point(2), 0);
        assertThat(buffer.batches()).containsExactly(new PointBuffer.Batch("m f=1i 1000000000\nm f=2i 2000000000", 2));
    }
}

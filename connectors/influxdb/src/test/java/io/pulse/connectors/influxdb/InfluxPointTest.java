package io.pulse.connectors.influxdb;

import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class InfluxPointTest {

    @Test
    void refusesWhatLineProtocolCannotCarry() {
        InfluxPoint.Builder b = InfluxPoint.builder("readings");
        assertThatThrownBy(() -> b.field("temperature", Double.NaN))
                .hasMessageContaining("field 'temperature' of measurement 'readings' is NaN");
        assertThatThrownBy(() -> b.field("t", Double.POSITIVE_INFINITY)).hasMessageContaining("Infinity");
        assertThatThrownBy(() -> b.tag("device", "")).hasMessage("value of tag 'device' must not be empty");
        assertThatThrownBy(() -> b.tag("device", null)).hasMessage("value of tag 'device' must not be empty");
        assertThatThrownBy(() -> b.tag("device", "a\nb")).hasMessageContaining("line break");
        assertThatThrownBy(() -> b.field("note", "a\r\nb")).hasMessageContaining("line break");
        assertThatThrownBy(() -> b.tag("path", "c:\\")).hasMessageContaining("ends with a backslash");
        assertThatThrownBy(() -> b.tag("_field", "x")).hasMessageContaining("reserved");
        assertThatThrownBy(() -> b.field("time", 1L)).hasMessageContaining("reserved");
        assertThatThrownBy(() -> InfluxPoint.builder("")).hasMessage("measurement must not be empty");
    }

    @Test
    void needsAFieldAndATimestamp() {
        assertThatThrownBy(() -> InfluxPoint.builder("m").time(1, InfluxPrecision.SECONDS).build())
                .hasMessageContaining("has no field");
        assertThatThrownBy(() -> InfluxPoint.builder("m").field("f", 1.0).build())
                .hasMessageContaining("has no timestamp");
    }

    @Test
    void aLaterTagOrFieldWithTheSameKeyReplacesTheEarlierOne() {
        InfluxPoint p = InfluxPoint.builder("m").tag("d", "1").tag("d", "2").field("f", 1.0).field("f", 2L)
                .time(5, InfluxPrecision.SECONDS).build();
        assertThat(p.tags()).containsExactly(org.assertj.core.api.Assertions.entry("d", "2"));
        assertThat(p.fields()).containsExactly(org.assertj.core.api.Assertions.entry("f", 2L));
    }

    @Test
    void instantsAreKeptInNanoseconds() {
        InfluxPoint p = InfluxPoint.builder("m").field("f", 1.0)
                .time(Instant.parse("2026-03-02T08:00:01.250000001Z")).build();
        assertThat(p.precision()).isEqualTo(InfluxPrecision.NANOSECONDS);
        assertThat(p.timestamp()).isEqualTo(1_772_438_401_250_000_001L);
    }

    @Test
    void aBuilderBuildsOnePoint() {
        InfluxPoint.Builder b = InfluxPoint.builder("m").field("f", 1.0).time(1, InfluxPrecision.SECONDS);
        InfluxPoint first = b.build();
        assertThatThrownBy(() -> b.field("g", 2.0)).hasMessageContaining("already built");
        assertThatThrownBy(() -> b.tag("d", "x")).hasMessageContaining("already built");
        assertThatThrownBy(b::build).hasMessageContaining("already built");
        assertThat(first.fields()).containsOnlyKeys("f");
    }

    @Test
    void equalPointsAreEqualWhateverTheOrderOfCalls() {
        InfluxPoint a = InfluxPoint.builder("m").tag("b", "2").tag("a", "1").field("y", 2.0).field("x", 1L)
                .time(1, InfluxPrecision.SECONDS).build();
        InfluxPoint b = InfluxPoint.builder("m").tag("a", "1").tag("b", "2").field("x", 1L).field("y", 2.0)
                .time(1, InfluxPrecision.SECONDS).build();
        assertThat(a).isEqualTo(b).hasSameHashCodeAs(b);
        assertThat(a).isNotEqualTo(InfluxPoint.builder("m").tag("a", "1").tag("b", "2").field("x", 1L)
                .field("y", 2.0).time(2, InfluxPrecision.SECONDS).build());
    }

    @Test
    void tagsAndFieldsAreKeptInKeyOrder() {
        InfluxPoint p = InfluxPoint.builder("m").tag("z", "1").tag("a", "2").tag("m", "3").tag("b", "4").tag("y", "5")
                .field("f2", 2L).field("f1", 1L).time(1, InfluxPrecision.SECONDS).build();
        assertThat(p.tagCount()).isEqualTo(5);
        assertThat(java.util.stream.IntStream.range(0, 5).mapToObj(p::tagKey)).containsExactly("a", "b", "m", "y", "z");
        assertThat(p.tagValue(0)).isEqualTo("2");
        assertThat(p.fieldKey(0)).isEqualTo("f1");
        assertThat(p.fieldValue(1)).isEqualTo(2L);
    }
}

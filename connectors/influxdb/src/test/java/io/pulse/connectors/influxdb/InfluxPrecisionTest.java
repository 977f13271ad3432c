package io.pulse.connectors.influxdb;

import org.junit.jupiter.api.Test;

import static io.pulse.connectors.influxdb.InfluxPrecision.MICROSECONDS;
import static io.pulse.connectors.influxdb.InfluxPrecision.MILLISECONDS;
import static io.pulse.connectors.influxdb.InfluxPrecision.NANOSECONDS;
import static io.pulse.connectors.influxdb.InfluxPrecision.SECONDS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class InfluxPrecisionTest {

    @Test
    void convertsBetweenUnits() {
        assertThat(NANOSECONDS.convert(1_700_000_000_123L, MILLISECONDS)).isEqualTo(1_700_000_000_123_000_000L);
        assertThat(MICROSECONDS.convert(2, SECONDS)).isEqualTo(2_000_000L);
        assertThat(MILLISECONDS.convert(1_700_000_000_123_999_999L, NANOSECONDS)).isEqualTo(1_700_000_000_123L);
        assertThat(MILLISECONDS.convert(42, MILLISECONDS)).isEqualTo(42);
    }

    @Test
    void coarserRoundsDownAlsoBefore1970() {
        assertThat(SECONDS.convert(-1, MILLISECONDS)).isEqualTo(-1);
        assertThat(SECONDS.convert(1_999, MILLISECONDS)).isEqualTo(1);
    }

    @Test
    void finerFailsInsteadOfOverflowing() {
        assertThatThrownBy(() -> NANOSECONDS.convert(Long.MAX_VALUE / 10, SECONDS))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("does not fit");
    }

    @Test
    void wireNamesAreTheWriteApisPrecisionValues() {
        assertThat(SECONDS.wireName()).isEqualTo("s");
        assertThat(MILLISECONDS.wireName()).isEqualTo("ms");
        assertThat(MICROSECONDS.wireName()).isEqualTo("us");
        assertThat(NANOSECONDS.wireName()).isEqualTo("ns");
    }
}
